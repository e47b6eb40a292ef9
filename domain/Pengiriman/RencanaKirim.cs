namespace Kinerja.Domain.Pengiriman;

/// <summary>What a planner wants delivered: the key, and the earliest instant it may go out.</summary>
public sealed record RencanaKirim(KunciPengiriman Kunci, DateTimeOffset KirimSetelah);

/// <summary>The state of one delivery in the ledger.</summary>
public enum StatusPengiriman
{
    /// <summary>Planned, not yet attempted (or postponed by <i>Ingatkan besok</i>).</summary>
    Direncanakan,

    /// <summary>The connector accepted the message.</summary>
    Terkirim,

    /// <summary>The person cannot be reached (no conversation and no install, 403 with its reason).</summary>
    TidakTerjangkau,

    /// <summary>Failed after the retries the engine allows, or a send that may have gone out (never replayed).</summary>
    Gagal,

    /// <summary>Not needed any more when its time came (skip-if-done, checked at send time).</summary>
    Dilewati,
}
