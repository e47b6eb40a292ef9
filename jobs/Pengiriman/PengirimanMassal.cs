using Hangfire;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>
/// <see cref="IPengirimanMassal"/>: records each planned delivery once in the ledger (an existing key is left exactly as
/// it is) and fans the new ones out as Hangfire jobs of <see cref="PengirimanOptions.UkuranBatch"/> keys each — on the
/// <see cref="PekerjaPengiriman.Antrian"/> queue, so every worker of every instance takes a share, and at
/// <see cref="RencanaKirim.KirimSetelah"/> when that is still ahead. Jobs carry keys, never messages: the message is
/// built at send time (docs/pengiriman.md).
/// </summary>
public sealed partial class PengirimanMassal(
    IBukuPengirimanStore buku,
    IBackgroundJobClient jobs,
    JobStorage storage,
    IOptions<PengirimanOptions> options,
    TimeProvider time,
    ILogger<PengirimanMassal> logger) : IPengirimanMassal
{
    public async Task<HasilRencana> RencanakanAsync(IReadOnlyCollection<RencanaKirim> rencana, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rencana);
        var sekarang = time.GetUtcNow();
        var baru = new List<RencanaKirim>();
        var sudahAda = 0;
        foreach (var r in rencana)
        {
            if (await buku.TambahAsync(CatatanPengiriman.Baru(r, sekarang), cancellationToken).ConfigureAwait(false))
            {
                baru.Add(r);
            }
            else
            {
                sudahAda++;
            }
        }

        // The recovery job reports these offices' progress (docs/pengiriman.md): noted before the jobs exist.
        if (baru.Count > 0)
        {
            PekerjaPengiriman.CatatKemajuan(storage, baru.Select(r => r.Kunci.KodeKantor).Distinct(StringComparer.Ordinal));
        }

        var jumlahJob = 0;
        foreach (var waktu in baru.GroupBy(r => r.KirimSetelah <= sekarang ? (DateTimeOffset?)null : r.KirimSetelah))
        {
            foreach (var batch in waktu.Select(r => KunciTeks.Tulis(r.Kunci)).Chunk(options.Value.UkuranBatch))
            {
                Jadwalkan(jobs, batch, waktu.Key);
                jumlahJob++;
            }
        }

        foreach (var kelompok in rencana.GroupBy(r => (r.Kunci.KodeKantor, r.Kunci.Jenis, r.Kunci.Kurun)))
        {
            Log.Planned(logger, kelompok.Key.KodeKantor, kelompok.Key.Jenis, kelompok.Key.Kurun, kelompok.Count());
        }

        Log.FannedOut(logger, baru.Count, sudahAda, jumlahJob);
        return new HasilRencana(baru.Count, sudahAda);
    }

    /// <summary>One job for <paramref name="kunci"/>, now or at <paramref name="pada"/>.</summary>
    internal static void Jadwalkan(IBackgroundJobClient jobs, string[] kunci, DateTimeOffset? pada)
    {
        if (pada is { } p)
        {
            jobs.Schedule<PekerjaPengiriman>(j => j.KirimAsync(kunci, CancellationToken.None), p);
        }
        else
        {
            jobs.Enqueue<PekerjaPengiriman>(j => j.KirimAsync(kunci, CancellationToken.None));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9500, Level = LogLevel.Information, Message = "Planned {Count} deliveries of {Jenis} {Kurun} for {KodeKantor}")]
        public static partial void Planned(ILogger logger, string kodeKantor, string jenis, string kurun, int count);

        [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Delivery run: {New} new in the ledger, {Existing} already there (left as they are), {Jobs} job(s) queued")]
        public static partial void FannedOut(ILogger logger, int @new, int existing, int jobs);
    }
}

/// <summary>A <see cref="KunciPengiriman"/> as the text a job argument carries: <c>jenis|kurun|kantor|nip</c>.</summary>
public static class KunciTeks
{
    public static string Tulis(KunciPengiriman kunci)
    {
        ArgumentNullException.ThrowIfNull(kunci);
        return kunci.ToString();
    }

    public static KunciPengiriman Baca(string teks)
    {
        ArgumentNullException.ThrowIfNull(teks);
        var bagian = teks.Split('|');
        return bagian.Length == 4
            ? new KunciPengiriman(bagian[0], bagian[1], bagian[2], Nip.Parse(bagian[3]))
            : throw new FormatException($"Bukan kunci pengiriman: '{teks}'.");
    }
}
