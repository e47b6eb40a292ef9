using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KinerjaBot.Protocol.Auth;

/// <summary>A key of the Bot Connector's JWKS and the channels it may sign for (§1.2 step 6).</summary>
public sealed record BotConnectorSigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements);

/// <summary>
/// The Bot Connector's signing keys, fetched from the OpenID metadata and its JWKS, cached.
/// <list type="bullet">
/// <item>Fetched on first use, refreshed when older than <see cref="AutomaticRefreshInterval"/>.</item>
/// <item>A token naming an unknown key id triggers one refresh, at most once per <c>Kinerja:Bot:JedaRefreshKunci</c>
/// since the last fetch attempt: a flood of forged key ids cannot turn the bot into a flood against the metadata.</item>
/// <item>A failed fetch (outage, bad document, empty key set) keeps the cached keys: Teams keeps working on the keys
/// it had.</item>
/// </list>
/// Written instead of IdentityModel's <c>ConfigurationManager</c> because that one refreshes in the background after
/// <c>RequestRefresh</c> (8.x: the token that named the new key still fails) and reads the system clock, not the
/// injected <see cref="TimeProvider"/>; the retriever and the JWKS parsing are IdentityModel's.
/// </summary>
public sealed partial class BotConnectorSigningKeys(
    IHttpClientFactory httpClients,
    IOptions<BotAuthenticationOptions> options,
    TimeProvider time,
    ILogger<BotConnectorSigningKeys> logger) : IDisposable
{
    /// <summary>Name of the <see cref="HttpClient"/> that fetches the metadata (tests give it a fake handler).</summary>
    public const string HttpClientName = "KinerjaBot.BotOpenIdMetadata";

    /// <summary>IdentityModel's default: keys are re-read twice a day even when nothing asks for a new one.</summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);

    /// <summary>Without any cached key every request fails: a failed first fetch is retried after this, not 5 min.</summary>
    public static readonly TimeSpan NoKeysRetryInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private volatile Snapshot? _current;
    private DateTimeOffset? _lastAttempt;

    /// <summary>How many times the metadata was fetched (successfully or not); for logs and tests.</summary>
    public int FetchAttempts { get; private set; }

    /// <summary>The key with this id; null when the metadata, even after the refresh allowed now, does not name it.</summary>
    public async Task<BotConnectorSigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (snapshot is null || time.GetUtcNow() - snapshot.FetchedAt >= AutomaticRefreshInterval)
        {
            snapshot = await RefreshAsync(snapshot, cancellationToken);
        }

        if (snapshot?.Keys.GetValueOrDefault(keyId) is { } key)
        {
            return key;
        }

        // An unknown key id: the Bot Connector may have rotated its keys since the last fetch.
        snapshot = await RefreshAsync(snapshot, cancellationToken);
        return snapshot?.Keys.GetValueOrDefault(keyId);
    }

    /// <summary>Fetches unless another caller just did or the last attempt is too recent; returns the current keys.</summary>
    private async Task<Snapshot?> RefreshAsync(Snapshot? seen, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            if (!ReferenceEquals(current, seen))
            {
                return current; // someone else fetched while this caller waited
            }

            // One rule for every reason to fetch (first use, 12 h old, unknown key id): not again within the interval
            // of the last attempt, successful or not. Without any key a failed first fetch is retried sooner.
            var now = time.GetUtcNow();
            var interval = current is null ? Min(options.Value.JedaRefreshKunci, NoKeysRetryInterval) : options.Value.JedaRefreshKunci;
            if (_lastAttempt is { } last && now - last < interval)
            {
                Log.RefreshSuppressed(logger, interval);
                return current;
            }

            _lastAttempt = now;
            FetchAttempts++;
            var url = options.Value.OpenIdMetadataUrl;
            try
            {
                // Not the request's token: one aborted request must not cancel the fetch every waiter depends on
                // (the HttpClient's 10 s timeout bounds it).
                var fetched = await FetchAsync(url, now, CancellationToken.None);
                _current = fetched;
                Log.KeysFetched(logger, fetched.Keys.Count, url);
                return fetched;
            }
            catch (Exception e)
            {
                // IdentityModel hides response contents in its messages (PII off by default): type and message suffice.
                if (current is null)
                {
                    Log.FetchFailedNoKeys(logger, url, e.GetType().Name, e.Message);
                }
                else
                {
                    Log.FetchFailedKeepingKeys(logger, url, e.GetType().Name, e.Message, current.Keys.Count);
                }

                return current;
            }
        }
        finally
        {
            _fetch.Release();
        }
    }

    private async Task<Snapshot> FetchAsync(string url, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = true };
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url, retriever, cancellationToken);
        var jwks = configuration.JsonWebKeySet ?? throw new InvalidDataException("metadata without jwks_uri or with an empty key set");
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var jwk in jwks.Keys)
        {
            if (!string.IsNullOrEmpty(jwk.Kid))
            {
                endorsements.TryAdd(jwk.Kid, Endorsements(jwk));
            }
        }

        // SigningKeys are the JWKS entries IdentityModel could turn into keys (use "sig" or none; x5c or n/e).
        var keys = new Dictionary<string, BotConnectorSigningKey>(StringComparer.Ordinal);
        foreach (var key in configuration.SigningKeys)
        {
            if (!string.IsNullOrEmpty(key.KeyId) && !keys.ContainsKey(key.KeyId))
            {
                keys[key.KeyId] = new BotConnectorSigningKey(key.KeyId, key, endorsements.GetValueOrDefault(key.KeyId) ?? []);
            }
        }

        if (keys.Count == 0)
        {
            throw new InvalidDataException("the key set holds no usable signing key");
        }

        return new Snapshot(keys, now);
    }

    /// <summary>
    /// <c>endorsements</c> is not a JWK member IdentityModel knows: it lands in <c>AdditionalData</c> (as a
    /// <see cref="JsonElement"/> array in 8.x). Anything other than an array of strings counts as no endorsement.
    /// </summary>
    private static string[] Endorsements(JsonWebKey jwk)
    {
        if (!jwk.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            IEnumerable<string> strings => strings.ToArray(),
            IEnumerable<object> objects => objects.OfType<string>().ToArray(),
            _ => [],
        };
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public void Dispose() => _fetch.Dispose();

    private sealed record Snapshot(IReadOnlyDictionary<string, BotConnectorSigningKey> Keys, DateTimeOffset FetchedAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Bot Connector signing keys fetched: {KeyCount} keys from {MetadataUrl}")]
        public static partial void KeysFetched(ILogger logger, int keyCount, string metadataUrl);

        [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Could not refresh the Bot Connector signing keys from {MetadataUrl} ({ErrorType}: {Error}); keeping the {KeyCount} cached keys")]
        public static partial void FetchFailedKeepingKeys(ILogger logger, string metadataUrl, string errorType, string error, int keyCount);

        [LoggerMessage(EventId = 1112, Level = LogLevel.Error, Message = "Could not fetch the Bot Connector signing keys from {MetadataUrl} ({ErrorType}: {Error}); inbound requests are rejected until it succeeds")]
        public static partial void FetchFailedNoKeys(ILogger logger, string metadataUrl, string errorType, string error);

        [LoggerMessage(EventId = 1113, Level = LogLevel.Debug, Message = "Signing keys not fetched again: the last attempt is less than {Interval} ago")]
        public static partial void RefreshSuppressed(ILogger logger, TimeSpan interval);
    }
}
