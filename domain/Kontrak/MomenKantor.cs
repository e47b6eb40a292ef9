namespace Kinerja.Domain.Kontrak;

/// <summary>
/// When something happened, as the audit trail keeps it: the UTC instant, the office's IANA zone id, and the office's
/// local calendar date at that instant. The caller (bot code with its injected <c>TimeProvider</c>) converts; the
/// domain never reads a clock nor a time-zone database, so the local date is given, not computed.
/// </summary>
public readonly record struct MomenKantor
{
    public MomenKantor(DateTimeOffset utc, string zonaWaktu, DateOnly tanggalLokal)
    {
        if (string.IsNullOrWhiteSpace(zonaWaktu))
        {
            throw new DomainException("Zona waktu kantor kosong");
        }

        // One instant is on at most two calendar dates apart from UTC's (UTC−12 … UTC+14): anything else is a bug.
        var selisih = Math.Abs(tanggalLokal.DayNumber - DateOnly.FromDateTime(utc.UtcDateTime).DayNumber);
        if (selisih > 1)
        {
            throw new DomainException($"Tanggal lokal {TanggalIndonesia.Format(tanggalLokal)} tidak cocok dengan waktu {utc:O}");
        }

        Utc = utc.ToUniversalTime();
        ZonaWaktu = zonaWaktu.Trim();
        TanggalLokal = tanggalLokal;
    }

    public DateTimeOffset Utc { get; }

    /// <summary>IANA id, e.g. <c>Asia/Jakarta</c>.</summary>
    public string ZonaWaktu { get; }

    public DateOnly TanggalLokal { get; }
}
