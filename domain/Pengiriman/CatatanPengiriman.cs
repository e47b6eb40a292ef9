using Kinerja.Domain.Ports;

namespace Kinerja.Domain.Pengiriman;

/// <summary>
/// One row of the delivery ledger: the state of one <see cref="KunciPengiriman"/> (issue 6). Changes only through the
/// guarded methods below, each of which returns the next version (<see cref="Versi"/> + 1); the store writes it only
/// when the stored version is still the one it was made from, so two workers racing for the same delivery end with
/// exactly one outcome.
/// <para>
/// The crash-safety design (docs/pengiriman.md): a delivery is <see cref="StatusPengiriman.Direncanakan"/> until a
/// worker is about to POST it; it then writes <see cref="MulaiKirimPada"/> (the in-flight mark) and only then calls the
/// connector. A crash before that mark leaves the delivery plannable again (nothing went out); a crash after it leaves
/// the one delivery whose POST may or may not have reached Teams — it is never sent again blindly but closed as
/// <see cref="StatusPengiriman.Gagal"/> with <see cref="MungkinTerkirim"/> once its in-flight time has passed, and
/// reported to coordinators.
/// </para>
/// </summary>
public sealed record CatatanPengiriman
{
    public required KunciPengiriman Kunci { get; init; }

    public required StatusPengiriman Status { get; init; }

    /// <summary>The earliest instant it may go out (the plan's, or the next working day after <i>Ingatkan besok</i>).</summary>
    public required DateTimeOffset KirimSetelah { get; init; }

    /// <summary>The optimistic concurrency version: 1 when planned, + 1 for every change.</summary>
    public required long Versi { get; init; }

    /// <summary>Attempts that failed in a way that allows another one (throttled, outage) before this state.</summary>
    public int Percobaan { get; init; }

    /// <summary>How many times the recipient chose <i>Ingatkan besok</i>.</summary>
    public int Ditunda { get; init; }

    /// <summary>The in-flight mark: a worker started the POST at this instant (null when none is in flight).</summary>
    public DateTimeOffset? MulaiKirimPada { get; init; }

    /// <summary>The worker (process) that holds the in-flight mark or wrote the outcome.</summary>
    public string? Pekerja { get; init; }

    /// <summary>For <see cref="StatusPengiriman.TidakTerjangkau"/>: Teams' refusal, when there was one (null: no conversation).</summary>
    public AlasanTidakTerjangkau? Alasan { get; init; }

    /// <summary>
    /// What happened, for coordinators and logs: the connector's error code, "tidak ada percakapan", … At most
    /// <see cref="KeteranganMaksimal"/> characters: a longer text (an error page a proxy answered with) is cut there.
    /// </summary>
    public string? Keterangan { get; init; }

    /// <summary>The longest <see cref="Keterangan"/> kept (a store's property limit is far above; an error page is not).</summary>
    public const int KeteranganMaksimal = 1000;

    /// <summary>For <see cref="StatusPengiriman.Gagal"/>: the POST may have delivered the message (not sent again).</summary>
    public bool MungkinTerkirim { get; init; }

    /// <summary>Where the message is, once sent (for updating the card in place).</summary>
    public string? ServiceUrl { get; init; }

    public string? ConversationId { get; init; }

    public string? ActivityId { get; init; }

    public required DateTimeOffset DibuatPada { get; init; }

    public required DateTimeOffset DiperbaruiPada { get; init; }

    /// <summary>A new ledger row for a planned delivery.</summary>
    public static CatatanPengiriman Baru(RencanaKirim rencana, DateTimeOffset sekarang)
    {
        ArgumentNullException.ThrowIfNull(rencana);
        return new CatatanPengiriman
        {
            Kunci = rencana.Kunci, Status = StatusPengiriman.Direncanakan, KirimSetelah = rencana.KirimSetelah, Versi = 1,
            DibuatPada = sekarang, DiperbaruiPada = sekarang,
        };
    }

    /// <summary>Planned, due, and not in flight: a worker may try it now.</summary>
    public bool SiapDikirim(DateTimeOffset sekarang) =>
        Status == StatusPengiriman.Direncanakan && MulaiKirimPada is null && KirimSetelah <= sekarang;

    /// <summary>In flight for longer than <paramref name="batas"/>: the worker that marked it is gone (crash) or hung.</summary>
    public bool MacetSaatMengirim(DateTimeOffset sekarang, TimeSpan batas) =>
        Status == StatusPengiriman.Direncanakan && MulaiKirimPada is { } mulai && sekarang - mulai >= batas;

    /// <summary>The in-flight mark, written before the POST.</summary>
    public CatatanPengiriman MulaiKirim(string pekerja, DateTimeOffset sekarang)
    {
        if (!SiapDikirim(sekarang))
        {
            throw new DomainException($"Pengiriman {Kunci} tidak dapat dimulai: status {Status}{(MulaiKirimPada is null ? "" : ", sedang dikirim")}.");
        }

        return Berikut(sekarang) with { MulaiKirimPada = sekarang, Pekerja = pekerja };
    }

    /// <summary>The connector accepted the message.</summary>
    public CatatanPengiriman Terkirim(string serviceUrl, string conversationId, string? activityId, DateTimeOffset sekarang) =>
        Selesai(StatusPengiriman.Terkirim, sekarang, perluSedangDikirim: true) with
        {
            ServiceUrl = serviceUrl, ConversationId = conversationId, ActivityId = activityId, Alasan = null, Keterangan = null,
        };

    /// <summary>The person cannot be reached: no conversation (<paramref name="alasan"/> null) or Teams refused (403).</summary>
    public CatatanPengiriman TidakTerjangkau(AlasanTidakTerjangkau? alasan, string keterangan, DateTimeOffset sekarang) =>
        Selesai(StatusPengiriman.TidakTerjangkau, sekarang, perluSedangDikirim: false) with { Alasan = alasan, Keterangan = Potong(keterangan) };

    /// <summary>Failed for good; <paramref name="mungkinTerkirim"/> when the POST may have delivered it.</summary>
    public CatatanPengiriman Gagal(string keterangan, bool mungkinTerkirim, DateTimeOffset sekarang) =>
        Selesai(StatusPengiriman.Gagal, sekarang, perluSedangDikirim: false) with { Keterangan = Potong(keterangan), MungkinTerkirim = mungkinTerkirim };

    /// <summary>Not needed any more (skip-if-done at send time).</summary>
    public CatatanPengiriman Dilewati(DateTimeOffset sekarang) =>
        Selesai(StatusPengiriman.Dilewati, sekarang, perluSedangDikirim: false) with { Keterangan = "sudah tidak diperlukan" };

    /// <summary>
    /// A failure that did not send anything (throttled, outage, no token): planned again for <paramref name="kirimSetelah"/>,
    /// one attempt counted.
    /// </summary>
    public CatatanPengiriman CobaLagi(DateTimeOffset kirimSetelah, string keterangan, DateTimeOffset sekarang)
    {
        if (Status != StatusPengiriman.Direncanakan)
        {
            throw new DomainException($"Pengiriman {Kunci} sudah {Status}: tidak dicoba lagi.");
        }

        return Berikut(sekarang) with
        {
            KirimSetelah = kirimSetelah, MulaiKirimPada = null, Percobaan = Percobaan + 1, Keterangan = Potong(keterangan),
        };
    }

    /// <summary><i>Ingatkan besok</i>: a sent message planned again for <paramref name="kirimSetelah"/> (the next working day).</summary>
    public CatatanPengiriman Tunda(DateTimeOffset kirimSetelah, DateTimeOffset sekarang)
    {
        if (Status != StatusPengiriman.Terkirim)
        {
            throw new DomainException($"Pengiriman {Kunci} berstatus {Status}: hanya pesan yang sudah terkirim dapat ditunda.");
        }

        return Berikut(sekarang) with
        {
            Status = StatusPengiriman.Direncanakan, KirimSetelah = kirimSetelah, Ditunda = Ditunda + 1, Percobaan = 0,
            MulaiKirimPada = null, Keterangan = null,
        };
    }

    private CatatanPengiriman Selesai(StatusPengiriman status, DateTimeOffset sekarang, bool perluSedangDikirim)
    {
        if (Status != StatusPengiriman.Direncanakan)
        {
            throw new DomainException($"Pengiriman {Kunci} sudah {Status}: tidak dapat menjadi {status}.");
        }

        if (perluSedangDikirim && MulaiKirimPada is null)
        {
            throw new DomainException($"Pengiriman {Kunci} belum mulai dikirim: tidak dapat menjadi {status}.");
        }

        return Berikut(sekarang) with { Status = status, MulaiKirimPada = null };
    }

    private static string Potong(string keterangan)
    {
        if (keterangan.Length <= KeteranganMaksimal)
        {
            return keterangan;
        }

        // Never half a surrogate pair: the result stays valid UTF-16, at most the maximum long.
        var n = char.IsHighSurrogate(keterangan[KeteranganMaksimal - 2]) ? KeteranganMaksimal - 2 : KeteranganMaksimal - 1;
        return string.Concat(keterangan.AsSpan(0, n), "…");
    }

    private CatatanPengiriman Berikut(DateTimeOffset sekarang) => this with { Versi = Versi + 1, DiperbaruiPada = sekarang };
}
