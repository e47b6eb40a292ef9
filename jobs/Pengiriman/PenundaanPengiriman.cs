using Hangfire;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>What became of an <i>Ingatkan besok</i>.</summary>
public abstract record HasilTunda
{
    private HasilTunda()
    {
    }

    /// <summary>Planned again for <paramref name="Kapan"/> (the next working day, at the office's hour, in its zone).</summary>
    public sealed record Ditunda(DateTimeOffset Kapan, ZonaWaktu Zona) : HasilTunda;

    /// <summary>Not snoozed; <paramref name="Pesan"/> says why, in Bahasa Indonesia.</summary>
    public sealed record Ditolak(string Pesan) : HasilTunda;
}

/// <summary>
/// <i>Ingatkan besok</i>: only the recipient (as the caller identifies them — from the authenticated activity, never
/// from the card) may snooze a sent message; it is planned again for the next working day of the office's calendar at
/// <see cref="PengirimanOptions.JamIngatkanBesok"/> in the office's zone, and built again then (skip-if-done applies).
/// A second click gives the same answer; a race with another click ends in one postponement.
/// </summary>
public sealed partial class PenundaanPengiriman(
    IBukuPengirimanStore buku,
    IKalenderKerja kalender,
    IKantorStore kantor,
    IBackgroundJobClient jobs,
    IOptions<PengirimanOptions> options,
    TimeProvider time,
    ILogger<PenundaanPengiriman> logger)
{
    public const string PesanBukanPenerima = "Pengingat ini ditujukan kepada orang lain. Hanya penerimanya yang dapat memilih *Ingatkan besok*.";
    public const string PesanTidakAda = "Pengingat ini tidak ditemukan lagi, jadi tidak dapat ditunda.";
    public const string PesanTidakBisa = "Pengingat ini sudah tidak dapat ditunda.";

    /// <summary>Snoozes <paramref name="kunci"/> for <paramref name="pelaku"/> of office <paramref name="kodeKantorPelaku"/>.</summary>
    public async Task<HasilTunda> TundaAsync(KunciPengiriman kunci, string kodeKantorPelaku, Nip pelaku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kunci);
        ArgumentNullException.ThrowIfNull(kodeKantorPelaku);
        if (pelaku != kunci.Penerima || !string.Equals(kodeKantorPelaku.Trim(), kunci.KodeKantor.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            Log.NotRecipient(logger, kunci.ToString(), pelaku.Value);
            return new HasilTunda.Ditolak(PesanBukanPenerima);
        }

        var zona = (await kantor.MuatAsync(kunci.KodeKantor, cancellationToken).ConfigureAwait(false))?.UnitInduk?.ZonaWaktu ?? ZonaWaktu.Wib;
        for (var percobaan = 0; percobaan < 3; percobaan++)
        {
            var c = await buku.CariAsync(kunci, cancellationToken).ConfigureAwait(false);
            var sekarang = time.GetUtcNow();
            switch (c)
            {
                case null:
                    return new HasilTunda.Ditolak(PesanTidakAda);
                case { Status: StatusPengiriman.Direncanakan, Ditunda: > 0, MulaiKirimPada: null } when c.KirimSetelah > sekarang:
                    return new HasilTunda.Ditunda(c.KirimSetelah, zona); // clicked twice: the same answer
                case { Status: StatusPengiriman.Terkirim }:
                    var kapan = HariKerjaBerikut(kunci.KodeKantor, sekarang, zona);
                    if (await buku.GantiAsync(c.Tunda(kapan, sekarang), cancellationToken).ConfigureAwait(false))
                    {
                        PengirimanMassal.Jadwalkan(jobs, [KunciTeks.Tulis(kunci)], kapan);
                        Log.Snoozed(logger, kunci.ToString(), kapan);
                        return new HasilTunda.Ditunda(kapan, zona);
                    }

                    continue; // another click won the race: decide again on what it wrote
                default:
                    return new HasilTunda.Ditolak(PesanTidakBisa);
            }
        }

        return new HasilTunda.Ditolak(PesanTidakBisa);
    }

    /// <summary>The next working day after today (office's zone), at the snooze hour, as an instant.</summary>
    private DateTimeOffset HariKerjaBerikut(string kodeKantor, DateTimeOffset sekarang, ZonaWaktu zona)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId);
        var hari = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sekarang, tz).DateTime).AddDays(1);
        for (var i = 0; i < 60 && !kalender.HariKerja(kodeKantor, hari); i++)
        {
            hari = hari.AddDays(1);
        }

        var lokal = hari.ToDateTime(TimeOnly.FromTimeSpan(options.Value.JamIngatkanBesok));
        return new DateTimeOffset(lokal, tz.GetUtcOffset(lokal));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9540, Level = LogLevel.Information, Message = "Delivery {Kunci} snoozed by its recipient until {Until}")]
        public static partial void Snoozed(ILogger logger, string kunci, DateTimeOffset until);

        [LoggerMessage(EventId = 9541, Level = LogLevel.Warning, Message = "Employee {Nip} tried to snooze delivery {Kunci}, which is not theirs")]
        public static partial void NotRecipient(ILogger logger, string kunci, string nip);
    }
}
