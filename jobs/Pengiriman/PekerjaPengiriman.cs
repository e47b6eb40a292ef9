using System.Globalization;
using Hangfire;
using Kinerja.Cards;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>
/// The Hangfire jobs of the delivery engine. <see cref="KirimAsync"/> sends one batch of keys; <see cref="PulihkanAsync"/>
/// (recurring) resumes from the ledger. Every step is a compare-and-set on the delivery's ledger row, so a batch run
/// twice (a retried job, a job of a crashed worker run again, two instances) sends each delivery at most once.
/// <para>Per delivery, at send time: the message is built (<see cref="IPenyusunPesan"/>; null → <see cref="StatusPengiriman.Dilewati"/>),
/// the chat found (<see cref="IJangkauanPegawai"/>; none → <see cref="StatusPengiriman.TidakTerjangkau"/>), then — once the
/// connector gave the POST its rate-limit slot — the in-flight mark is written, and only then the POST leaves. Its
/// answer closes the row: <see cref="StatusPengiriman.Terkirim"/>, <see cref="StatusPengiriman.TidakTerjangkau"/> (403
/// with its reason, 404), <see cref="StatusPengiriman.Gagal"/> (for good, or "mungkin terkirim"), or planned again when
/// nothing went out (throttled, outage) until <see cref="PengirimanOptions.PercobaanMaksimum"/>.</para>
/// </summary>
public sealed partial class PekerjaPengiriman(
    IBukuPengirimanStore buku,
    IEnumerable<IPenyusunPesan> penyusun,
    IJangkauanPegawai jangkauan,
    IPenggunaStore pengguna,
    IPercakapanStore percakapan,
    IPengirimPesan pengirim,
    IBackgroundJobClient jobs,
    JobStorage storage,
    IOptions<PengirimanOptions> options,
    TimeProvider time,
    ILogger<PekerjaPengiriman> logger)
{
    /// <summary>The Hangfire queue of the deliveries (every bot server listens to it).</summary>
    public const string Antrian = "pengiriman";

    /// <summary>The id of the recurring recovery job.</summary>
    public const string IdPemulihan = "pengiriman-pemulihan";

    /// <summary>This process, as written in the ledger's in-flight mark.</summary>
    public static string Pekerja { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}");

    private readonly Dictionary<string, IPenyusunPesan> _penyusun = penyusun.ToDictionary(p => p.Jenis, StringComparer.Ordinal);

    /// <summary>Sends the deliveries of one batch that are due and not taken; the others are left as they are.</summary>
    [Queue(Antrian)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task KirimAsync(string[] kunci, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kunci);
        var o = options.Value;
        await Parallel.ForEachAsync(kunci, new ParallelOptions { MaxDegreeOfParallelism = o.Paralel, CancellationToken = cancellationToken },
            async (teks, ct) => await KirimSatuAsync(KunciTeks.Baca(teks), ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Resuming from the ledger (recurring, never twice at once): a send in flight longer than
    /// <see cref="PengirimanOptions.BatasMengirim"/> was interrupted and is closed as failed, "mungkin terkirim" (never
    /// replayed); due deliveries that no job will pick up any more (the delivery queue is empty) are queued again.
    /// </summary>
    [Queue(Antrian)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task PulihkanAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var sekarang = time.GetUtcNow();
        var terbuka = await buku.DaftarTerbukaAsync(sekarang, o.BatasPemulihan, cancellationToken).ConfigureAwait(false);
        var antrianKosong = AntrianKosong();
        var siap = new List<string>();
        var macet = 0;
        foreach (var k in terbuka)
        {
            if (await buku.CariAsync(k, cancellationToken).ConfigureAwait(false) is not { } c)
            {
                continue;
            }

            if (c.MacetSaatMengirim(sekarang, o.BatasMengirim))
            {
                var gagal = c.Gagal("pengiriman terputus (proses berhenti saat mengirim); mungkin sudah terkirim, tidak dikirim ulang", mungkinTerkirim: true, sekarang);
                if (await buku.GantiAsync(gagal, cancellationToken).ConfigureAwait(false))
                {
                    macet++;
                    Log.Interrupted(logger, k.ToString(), c.Pekerja, c.MulaiKirimPada);
                }
            }
            else if (antrianKosong && c.SiapDikirim(sekarang))
            {
                siap.Add(KunciTeks.Tulis(k));
            }
        }

        foreach (var batch in siap.Chunk(o.UkuranBatch))
        {
            PengirimanMassal.Jadwalkan(jobs, batch, null);
        }

        if (macet > 0 || siap.Count > 0)
        {
            Log.Recovered(logger, macet, siap.Count);
        }
    }

    private bool AntrianKosong()
    {
        var monitoring = storage.GetMonitoringApi();
        return monitoring.EnqueuedCount(Antrian) == 0 && monitoring.FetchedCount(Antrian) == 0;
    }

    private async Task KirimSatuAsync(KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        var c = await buku.CariAsync(kunci, cancellationToken).ConfigureAwait(false);
        var sekarang = time.GetUtcNow();
        if (c is null || !c.SiapDikirim(sekarang))
        {
            // Done, taken by another worker, snoozed to later (its own job comes then) or gone: nothing to do.
            Log.NotDue(logger, kunci.ToString(), c?.Status, c?.MulaiKirimPada is not null);
            return;
        }

        if (!_penyusun.TryGetValue(kunci.Jenis, out var p))
        {
            await TutupAsync(c, c.Gagal($"tidak ada penyusun pesan untuk jenis '{kunci.Jenis}'", mungkinTerkirim: false, sekarang), cancellationToken).ConfigureAwait(false);
            return;
        }

        PesanTerjadwal? pesan;
        ReferensiPercakapan? tujuan;
        try
        {
            pesan = await p.SusunAsync(kunci, sekarang, cancellationToken).ConfigureAwait(false);
            if (pesan is null)
            {
                await TutupAsync(c, c.Dilewati(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                return;
            }

            tujuan = await jangkauan.PastikanPercakapanAsync(kunci.KodeKantor, kunci.Penerima, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reading the data or reaching Graph failed: nothing was sent; try again later.
            await CobaLagiAsync(c, null, e.GetType().Name + ": " + e.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (tujuan is null)
        {
            var (alasan, keterangan) = await AlasanAsync(kunci, cancellationToken).ConfigureAwait(false);
            await TutupAsync(c, c.TidakTerjangkau(alasan, keterangan, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return;
        }

        var kartu = pesan.BisaDitunda ? DenganIngatkanBesok(pesan.Kartu, kunci) : pesan.Kartu;
        var sedang = c;
        HasilKirim hasil;
        try
        {
            hasil = await pengirim.KirimAsync(tujuan, kartu, pesan.Ringkasan, async ct =>
            {
                if (sedang.MulaiKirimPada is not null)
                {
                    return; // a retried attempt of the same send (after 429): already marked
                }

                var mulai = c.MulaiKirim(Pekerja, time.GetUtcNow());
                if (!await buku.GantiAsync(mulai, ct).ConfigureAwait(false))
                {
                    throw new PengirimanDiambilException(kunci);
                }

                sedang = mulai;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (PengirimanDiambilException)
        {
            Log.Taken(logger, kunci.ToString());
            return;
        }

        sekarang = time.GetUtcNow();
        switch (hasil)
        {
            case HasilKirim.Terkirim t:
                await TutupAsync(sedang, sedang.Terkirim(tujuan.ServiceUrl, tujuan.ConversationId, t.ActivityId, sekarang), cancellationToken).ConfigureAwait(false);
                break;
            case HasilKirim.Ditolak d:
                await TutupAsync(sedang, sedang.TidakTerjangkau(d.Alasan, d.Keterangan, sekarang), cancellationToken).ConfigureAwait(false);
                break;
            case HasilKirim.MungkinTerkirim m:
                Log.MaybeDelivered(logger, kunci.ToString(), m.Keterangan);
                await TutupAsync(sedang, sedang.Gagal(m.Keterangan, mungkinTerkirim: true, sekarang), cancellationToken).ConfigureAwait(false);
                break;
            case HasilKirim.BelumTerkirim b:
                await CobaLagiAsync(sedang, b.CobaSetelah, b.Keterangan, cancellationToken).ConfigureAwait(false);
                break;
            case HasilKirim.Gagal g:
                await TutupAsync(sedang, sedang.Gagal(g.Keterangan, mungkinTerkirim: false, sekarang), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task CobaLagiAsync(CatatanPengiriman c, TimeSpan? jeda, string keterangan, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var sekarang = time.GetUtcNow();
        if (c.Percobaan + 1 >= o.PercobaanMaksimum)
        {
            await TutupAsync(c, c.Gagal($"gagal setelah {c.Percobaan + 1} percobaan: {keterangan}", mungkinTerkirim: false, sekarang), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var lagi = c.CobaLagi(sekarang + (jeda ?? o.JedaCobaLagi), keterangan, sekarang);
        if (await buku.GantiAsync(lagi, cancellationToken).ConfigureAwait(false))
        {
            Log.Retry(logger, c.Kunci.ToString(), lagi.Percobaan, lagi.KirimSetelah, keterangan);
            PengirimanMassal.Jadwalkan(jobs, [KunciTeks.Tulis(c.Kunci)], lagi.KirimSetelah);
        }
    }

    private async Task TutupAsync(CatatanPengiriman dari, CatatanPengiriman jadi, CancellationToken cancellationToken)
    {
        // The outcome of a send that happened is written even when the caller gave up waiting.
        if (await buku.GantiAsync(jadi, cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken).ConfigureAwait(false))
        {
            Log.Outcome(logger, jadi.Kunci.ToString(), jadi.Status, jadi.Keterangan);
        }
        else
        {
            Log.OutcomeLost(logger, jadi.Kunci.ToString(), jadi.Status, dari.Versi);
        }
    }

    private async Task<(AlasanTidakTerjangkau? Alasan, string Keterangan)> AlasanAsync(KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        if (await pengguna.CariByNipAsync(kunci.KodeKantor, kunci.Penerima, cancellationToken).ConfigureAwait(false) is not { } terkait)
        {
            return (null, "belum terhubung ke akun Teams");
        }

        var p = await percakapan.CariAsync(terkait.AadObjectId, cancellationToken).ConfigureAwait(false);
        return p switch
        {
            { TidakTerjangkau: { } t } => (t.Alasan, t.KodeGalat ?? t.Alasan.ToString()),
            { Referensi.Dihapus: true } => (AlasanTidakTerjangkau.BotTidakTerpasang, "aplikasi dihapus dari obrolan"),
            _ => (null, "belum ada percakapan dengan bot"),
        };
    }

    /// <summary>The card with <i>Ingatkan besok</i> added to its actions (a copy: the builder's card is not changed).</summary>
    internal static AdaptiveCard DenganIngatkanBesok(AdaptiveCard kartu, KunciPengiriman kunci) => new()
    {
        Version = kartu.Version,
        Body = kartu.Body,
        Actions = [.. kartu.Actions, ExecuteAction.TanpaInput("Ingatkan besok", new IngatkanBesokData(kunci), "Kirim lagi pada hari kerja berikutnya")],
        FallbackText = kartu.FallbackText,
        Speak = kartu.Speak,
        Lang = kartu.Lang,
        Refresh = kartu.Refresh,
        MsTeams = kartu.MsTeams,
    };

    private sealed class PengirimanDiambilException(KunciPengiriman kunci) : Exception($"Pengiriman {kunci} diambil pekerja lain.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 9510, Level = LogLevel.Debug, Message = "Delivery {Kunci} not due or not free ({Status}, in flight: {InFlight}); left as it is")]
        public static partial void NotDue(ILogger logger, string kunci, StatusPengiriman? status, bool inFlight);

        [LoggerMessage(EventId = 9511, Level = LogLevel.Debug, Message = "Delivery {Kunci} was taken by another worker")]
        public static partial void Taken(ILogger logger, string kunci);

        [LoggerMessage(EventId = 9512, Level = LogLevel.Debug, Message = "Delivery {Kunci}: {Status} ({Detail})")]
        public static partial void Outcome(ILogger logger, string kunci, StatusPengiriman status, string? detail);

        [LoggerMessage(EventId = 9513, Level = LogLevel.Warning, Message = "Delivery {Kunci}: outcome {Status} not written, the row changed after version {Version}")]
        public static partial void OutcomeLost(ILogger logger, string kunci, StatusPengiriman status, long version);

        [LoggerMessage(EventId = 9514, Level = LogLevel.Warning, Message = "Delivery {Kunci} may have been delivered and is not sent again: {Detail}")]
        public static partial void MaybeDelivered(ILogger logger, string kunci, string detail);

        [LoggerMessage(EventId = 9515, Level = LogLevel.Information, Message = "Delivery {Kunci}: attempt {Attempt} sent nothing ({Detail}); next try at {At}")]
        public static partial void Retry(ILogger logger, string kunci, int attempt, DateTimeOffset at, string detail);

        [LoggerMessage(EventId = 9516, Level = LogLevel.Warning, Message = "Delivery {Kunci} was in flight on {Worker} since {Since} and never finished: closed as failed, may have been delivered")]
        public static partial void Interrupted(ILogger logger, string kunci, string? worker, DateTimeOffset? since);

        [LoggerMessage(EventId = 9517, Level = LogLevel.Information, Message = "Recovery: {Interrupted} interrupted send(s) closed, {Requeued} due deliveries queued again")]
        public static partial void Recovered(ILogger logger, int interrupted, int requeued);
    }
}
