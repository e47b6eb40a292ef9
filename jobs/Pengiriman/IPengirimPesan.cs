using Kinerja.Cards;
using Kinerja.Domain.Ports;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>
/// Puts one card into a person's chat: the Teams-facing edge of the delivery engine (implemented in the bot over the
/// connector client, whose rate limiter enforces Teams' per-conversation and per-tenant limits and <c>Retry-After</c>).
/// Every failure is an answer, not an exception, in the terms the engine decides on.
/// </summary>
public interface IPengirimPesan
{
    /// <summary>
    /// Sends <paramref name="kartu"/> to <paramref name="tujuan"/>. <paramref name="sebelumPost"/> is called once the
    /// request has its rate-limit slot and is about to leave (possibly again before a retried attempt); an exception
    /// from it cancels the send and is passed on unchanged.
    /// </summary>
    Task<HasilKirim> KirimAsync(ReferensiPercakapan tujuan, AdaptiveCard kartu, string ringkasan, Func<CancellationToken, Task> sebelumPost,
        CancellationToken cancellationToken);
}

/// <summary>What became of one send.</summary>
public abstract record HasilKirim
{
    private HasilKirim()
    {
    }

    /// <summary>The connector accepted it (<paramref name="ActivityId"/> null when the channel gave no id).</summary>
    public sealed record Terkirim(string? ActivityId) : HasilKirim;

    /// <summary>Teams will not deliver to this person (403 with its reason, 404 conversation gone).</summary>
    public sealed record Ditolak(AlasanTidakTerjangkau? Alasan, string Keterangan) : HasilKirim;

    /// <summary>
    /// Nothing went out and a later attempt may succeed (throttled, outage, no token); <paramref name="CobaSetelah"/> when
    /// Teams said (<c>Retry-After</c>); <paramref name="Dibatasi"/> when Teams throttled (429, or the tenant is paused by one).
    /// </summary>
    public sealed record BelumTerkirim(TimeSpan? CobaSetelah, string Keterangan, bool Dibatasi = false) : HasilKirim;

    /// <summary>The POST may have delivered it (timeout, connection lost, 5xx after sending): never sent again.</summary>
    public sealed record MungkinTerkirim(string Keterangan) : HasilKirim;

    /// <summary>Nothing went out and sending it again would not help (400, 413, a refused service URL).</summary>
    public sealed record Gagal(string Keterangan) : HasilKirim;
}
