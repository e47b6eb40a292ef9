using Kinerja.Cards;
using Kinerja.Domain.Pengiriman;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>
/// Builds the message of one kind at send time, from the data as it is then: returns <see langword="null"/> when the
/// message is no longer needed (the SKP was submitted, the realisation came in) — skip-if-done is checked here, not
/// when the delivery was planned (issue 6).
/// </summary>
public interface IPenyusunPesan
{
    /// <summary>The <see cref="JenisPengiriman"/> this builder serves.</summary>
    string Jenis { get; }

    Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DateTimeOffset sekarang, CancellationToken cancellationToken);
}

/// <summary>One scheduled message: a card, a one-line summary (logs, notification preview), and whether the
/// delivery engine adds <i>Ingatkan besok</i> (snooze one work day) to it.</summary>
public sealed record PesanTerjadwal(AdaptiveCard Kartu, string Ringkasan, bool BisaDitunda);

/// <summary>
/// Decides, for one office and one of its working days, which deliveries are due (planning time). The recurring job
/// calls every planner once per office per working day in the office's time zone and hands the result to
/// <see cref="IPengirimanMassal"/>.
/// </summary>
public interface IPerencanaPengiriman
{
    /// <summary>Stable name, used in logs and recurring job ids (lower-case, '-').</summary>
    string Nama { get; }

    Task<IReadOnlyList<RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken);
}

/// <summary>
/// The delivery engine: records each planned delivery once in the ledger (an existing key is left as it is) and
/// makes sure they are sent, at Teams' pace, resumable after a crash.
/// </summary>
public interface IPengirimanMassal
{
    Task<HasilRencana> RencanakanAsync(IReadOnlyCollection<RencanaKirim> rencana, CancellationToken cancellationToken);
}

/// <summary>How many of the planned deliveries were new and how many the ledger already had.</summary>
public sealed record HasilRencana(int Baru, int SudahAda);
