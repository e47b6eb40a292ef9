using Kinerja.Domain.Pengiriman;

namespace Kinerja.Domain.Ports;

/// <summary>How the deliveries of one kind and period in an office stand (the coordinators' progress card).</summary>
/// <param name="KodeKantor">The office.</param>
/// <param name="Jenis">The kind (<see cref="JenisPengiriman"/>).</param>
/// <param name="Kurun">The period.</param>
/// <param name="Jumlah">Count per status.</param>
/// <param name="MungkinTerkirim">Failed ones whose POST may have delivered the message.</param>
/// <param name="SedangDikirim">Planned ones with a POST in flight now.</param>
/// <param name="TerakhirDiperbarui">The latest change of any of them.</param>
public sealed record RingkasanPengiriman(
    string KodeKantor,
    string Jenis,
    string Kurun,
    IReadOnlyDictionary<StatusPengiriman, int> Jumlah,
    int MungkinTerkirim,
    int SedangDikirim,
    DateTimeOffset TerakhirDiperbarui)
{
    public int Total => Jumlah.Values.Sum();

    public int Berstatus(StatusPengiriman status) => Jumlah.TryGetValue(status, out var n) ? n : 0;
}

/// <summary>One page of ledger rows; <see cref="Lanjutan"/> is null on the last page.</summary>
public sealed record HalamanPengiriman(IReadOnlyList<CatatanPengiriman> Catatan, string? Lanjutan);

/// <summary>
/// The delivery ledger (issue 6): one row per <see cref="KunciPengiriman"/>, the idempotency key that makes re-runs and
/// crashes safe. Writes are compare-and-set on <see cref="CatatanPengiriman.Versi"/> (a version column on SQLite, the
/// ETag on Azure Tables): of two writers of the same version exactly one succeeds.
/// </summary>
public interface IBukuPengirimanStore
{
    /// <summary>Adds a new row (<see cref="CatatanPengiriman.Versi"/> 1); false, and nothing changed, when the key is already there.</summary>
    Task<bool> TambahAsync(CatatanPengiriman catatan, CancellationToken cancellationToken);

    Task<CatatanPengiriman?> CariAsync(KunciPengiriman kunci, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the row with <paramref name="baru"/> when the stored version is still <c>baru.Versi - 1</c>; false when
    /// another writer changed it first (or it is gone). Nothing is written then.
    /// </summary>
    Task<bool> GantiAsync(CatatanPengiriman baru, CancellationToken cancellationToken);

    /// <summary>The rows of one kind and period of an office, by NIP, a page at a time (optionally only one status).</summary>
    Task<HalamanPengiriman> DaftarAsync(string kodeKantor, string jenis, string kurun, StatusPengiriman? status, string? lanjutan, int ukuran,
        CancellationToken cancellationToken);

    /// <summary>Every kind and period of an office with its counts, the most recently changed first.</summary>
    Task<IReadOnlyList<RingkasanPengiriman>> RingkasAsync(string kodeKantor, CancellationToken cancellationToken);

    /// <summary>
    /// The rows (as <see cref="CariAsync"/> reads them) still <see cref="StatusPengiriman.Direncanakan"/> whose time has
    /// come (<see cref="CatatanPengiriman.KirimSetelah"/> at or before <paramref name="sampai"/>), in flight or not, at
    /// most <paramref name="batas"/>: what resuming after a crash starts from. Whole rows in one query, not keys to read
    /// one by one: the recovery job runs every minute while a fan-out of thousands is open.
    /// </summary>
    Task<IReadOnlyList<CatatanPengiriman>> DaftarTerbukaAsync(DateTimeOffset sampai, int batas, CancellationToken cancellationToken);
}
