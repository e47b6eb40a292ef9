using System.Globalization;
using System.Security.Cryptography;
using Hangfire;
using Hangfire.Storage;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using KinerjaBot.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Penjadwalan;

/// <summary>What someone may do on the dashboard.</summary>
public enum PeranDasbor
{
    /// <summary>Not at all.</summary>
    Tidak,

    /// <summary>Watch (read-only): a coordinator of their office (<see cref="IKoordinatorKantor"/>).</summary>
    Koordinator,

    /// <summary>Everything, including trigger, requeue and delete.</summary>
    Administrator,
}

/// <summary>
/// Who may open the Hangfire dashboard, decided in one place for <c>dasbor jadwal</c>, the link it sends and every
/// dashboard request: an administrator (<see cref="DasborOptions.Administrator"/>) by Entra ID object id, else a
/// coordinator of the office they are an employee of. Asked again on each use, so a change of the coordinator list or of
/// the office's data takes effect at once.
/// </summary>
public sealed class AksesDasbor(IOptions<PenjadwalanOptions> options, IKantorStore kantor, IKoordinatorKantor koordinator)
{
    public async Task<PeranDasbor> PeranAsync(string? oid, string? kodeKantor, Nip? nip, CancellationToken cancellationToken) =>
        options.Value.Dasbor.AdalahAdministrator(oid)
            ? PeranDasbor.Administrator
            : (await PeriksaAsync(oid, kodeKantor, nip, cancellationToken)).Peran;

    /// <summary>The role, with the person's office when they are an employee (its zone says when a link expires).</summary>
    public async Task<(PeranDasbor Peran, DataKantor? Kantor)> PeriksaAsync(string? oid, string? kodeKantor, Nip? nip, CancellationToken cancellationToken)
    {
        var data = kodeKantor is { Length: > 0 } ? await kantor.MuatAsync(kodeKantor, cancellationToken) : null;
        if (options.Value.Dasbor.AdalahAdministrator(oid))
        {
            return (PeranDasbor.Administrator, data);
        }

        return (data is not null && nip is { } n && koordinator.Adalah(data, n) ? PeranDasbor.Koordinator : PeranDasbor.Tidak, data);
    }
}

/// <summary>A verified dashboard link: for whom (object id; office and NIP when they are an employee), and its nonce.</summary>
public sealed record MasukDasbor(string Oid, string? KodeKantor, Nip? Nip, string Nonce, DateTimeOffset BerlakuSampai);

/// <summary>
/// The single-use sign-in links to the dashboard (<c>GET /dasbor-jadwal/masuk?o=…&amp;k=…&amp;n=…&amp;j=…&amp;e=…&amp;s=…</c>),
/// signed like every link of the bot (<see cref="TautanBertanda"/>, purpose <c>dasbor</c>): the person's Entra ID object
/// id as the authenticated Teams activity gave it, their office and NIP, a random nonce and the expiry
/// (<see cref="DasborOptions.MasaBerlakuTautan"/>). The nonce is remembered in the Hangfire storage (shared by every
/// instance that shares the schedule) until the link would have expired, so a link opens one session only.
/// </summary>
public sealed class TautanDasbor(TautanBertanda tautan, IOptions<PenjadwalanOptions> options, JobStorage storage, TimeProvider time)
{
    public const string Jalur = "/dasbor-jadwal/masuk";

    private const string Tujuan = "dasbor";
    private const string KunciNonce = "dasbor:tautan:";

    /// <summary>A link for the sender of a Teams activity, or null when no public address is configured.</summary>
    public (Uri Url, DateTimeOffset BerlakuSampai)? Buat(string oid, string? kodeKantor, Nip? nip)
    {
        ArgumentException.ThrowIfNullOrEmpty(oid);
        var sampai = time.GetUtcNow().Add(options.Value.Dasbor.MasaBerlakuTautan);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var url = tautan.Buat(Tujuan, Jalur, [new("o", oid), new("k", kodeKantor ?? ""), new("n", nip?.Value ?? ""), new("j", nonce)], sampai);
        return url is null ? null : (url, sampai);
    }

    /// <summary>Checks a link's query: the link, or null with what is wrong.</summary>
    public MasukDasbor? Periksa(IQueryCollection q, out HasilTautan hasil)
    {
        ArgumentNullException.ThrowIfNull(q);
        string? o = q["o"], k = q["k"], n = q["n"], j = q["j"], e = q["e"];
        hasil = tautan.Periksa(Tujuan, [o, k, n, j], e, q["s"]);
        if (hasil != HasilTautan.Sah)
        {
            return null;
        }

        // Signed by this bot, so well-formed unless the key leaked; checked anyway rather than trusted.
        Nip? nip = null;
        if (n is { Length: > 0 } && Nip.TryParse(n, out var dibaca, out _))
        {
            nip = dibaca;
        }

        if (!Guid.TryParse(o, out _) || j is not { Length: 32 } || (n is { Length: > 0 } && nip is null))
        {
            hasil = HasilTautan.TidakLengkap;
            return null;
        }

        return new MasukDasbor(o!, k is { Length: > 0 } ? k : null, nip, j,
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(e!, NumberStyles.None, CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Marks the link used: false when it was used before. Under a distributed lock, so two clicks racing (or two
    /// instances) open one session between them.
    /// </summary>
    public bool Pakai(MasukDasbor masuk)
    {
        ArgumentNullException.ThrowIfNull(masuk);
        var kunci = KunciNonce + masuk.Nonce;
        using var koneksi = storage.GetConnection();
        using (koneksi.AcquireDistributedLock(KunciNonce + "kunci", TimeSpan.FromSeconds(15)))
        {
            if (koneksi.GetAllEntriesFromHash(kunci) is { Count: > 0 })
            {
                return false;
            }

            using var tulis = koneksi.CreateWriteTransaction();
            tulis.SetRangeInHash(kunci, [new("dipakai", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))]);
            if (tulis is JobStorageTransaction bersih)
            {
                // Forgotten once the link could not be used anyway (Hangfire's expiration manager removes it, on the
                // storage's own clock: a day's margin keeps clock differences from reviving a link).
                bersih.ExpireHash(kunci, masuk.BerlakuSampai - time.GetUtcNow() + TimeSpan.FromDays(1));
            }

            tulis.Commit();
        }

        return true;
    }
}
