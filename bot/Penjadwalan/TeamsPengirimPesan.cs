using Kinerja.Cards;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Pengiriman;
using KinerjaBot.Protocol;

namespace KinerjaBot.Penjadwalan;

/// <summary>
/// <see cref="IPengirimPesan"/> over the connector client: the card as a proactive message in the person's 1:1 chat.
/// The client's rate limiter holds the pace (Teams' per-conversation windows, the per-tenant rate, a 429's
/// <c>Retry-After</c> pausing the whole tenant); its typed failures become the engine's outcomes. A 403 is also
/// recorded on the person (<see cref="IPercakapanStore.TandaiTidakTerjangkauAsync"/>), so the next run does not try.
/// A throttled send carries Teams' <c>Retry-After</c> to the engine, which plans the delivery again for then.
/// </summary>
public sealed class TeamsPengirimPesan(IConnectorClient connector, IPercakapanStore percakapan, TimeProvider time) : IPengirimPesan
{
    public async Task<HasilKirim> KirimAsync(ReferensiPercakapan tujuan, AdaptiveCard kartu, string ringkasan, Func<CancellationToken, Task> sebelumPost,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tujuan);
        ArgumentNullException.ThrowIfNull(kartu);
        var pesan = Turn.Card(kartu.ToJson());
        pesan.Summary = ringkasan;
        pesan.ChannelId = tujuan.ChannelId;
        pesan.ServiceUrl = tujuan.ServiceUrl;
        pesan.From = tujuan.BotId is { } bot ? new ChannelAccount { Id = bot } : null;
        pesan.Recipient = new ChannelAccount { Id = tujuan.UserId, AadObjectId = tujuan.AadObjectId };
        pesan.Conversation = new ConversationAccount { Id = tujuan.ConversationId, ConversationType = "personal", TenantId = tujuan.TenantId };
        pesan.Locale = "id-ID";
        try
        {
            var terkirim = await connector.SendToConversationAsync(tujuan.ServiceUrl, tujuan.ConversationId, pesan, sebelumPost, cancellationToken);
            return new HasilKirim.Terkirim(terkirim.Id);
        }
        catch (ConnectorException e)
        {
            var kode = e.Code ?? (e.Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : e.Kind.ToString());
            switch (e.Kind)
            {
                case ConnectorErrorKind.Forbidden:
                    var alasan = e.Alasan ?? AlasanTidakTerjangkau.Lainnya;
                    await percakapan.TandaiTidakTerjangkauAsync(tujuan.AadObjectId, new TidakTerjangkau(alasan, e.Code, time.GetUtcNow()), CancellationToken.None);
                    return new HasilKirim.Ditolak(alasan, kode);
                case ConnectorErrorKind.NotFound:
                    return new HasilKirim.Ditolak(null, kode);
                case ConnectorErrorKind.Ambiguous:
                    return new HasilKirim.MungkinTerkirim(e.Message);
                case ConnectorErrorKind.Throttled:
                    // Teams' Retry-After (the 429's, or what is left of the tenant's pause) is when to try again.
                    return new HasilKirim.BelumTerkirim(e.RetryAfter, $"{e.Kind} ({kode})", Dibatasi: true);
                case ConnectorErrorKind.Transient or ConnectorErrorKind.TokenUnavailable or ConnectorErrorKind.Unauthorized:
                    return new HasilKirim.BelumTerkirim(null, $"{e.Kind} ({kode})");
                case ConnectorErrorKind.InvalidResponse:
                    // A success status with a body that is not the expected JSON: Teams accepted the message.
                    return new HasilKirim.Terkirim(null);
                default:
                    return new HasilKirim.Gagal($"{e.Kind} ({kode}): {e.Message}");
            }
        }
    }
}
