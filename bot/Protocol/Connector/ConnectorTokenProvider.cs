using Azure;
using Azure.Core;
using Azure.Identity;

namespace KinerjaBot.Protocol.Connector;

/// <summary>The bot's bearer token for the Bot Connector (scope <c>https://api.botframework.com/.default</c>).</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A token valid for a while yet: cached, refreshed shortly before it expires.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The connector answered 401 to <paramref name="rejected"/>: a new token, unless another caller already got one
    /// since (so a burst of 401s makes one acquisition, not one each).
    /// </summary>
    ValueTask<string> RefreshAsync(string rejected, CancellationToken cancellationToken);
}

/// <summary>
/// Who the outbound side is: in development (anonymous) mode nobody — no provider exists and no Authorization header
/// is ever attached (botframework-protocol.md §1.5); otherwise the bot, with its token provider.
/// </summary>
public sealed class ConnectorCredentials
{
    public ConnectorCredentials(IConnectorTokenProvider? tokens) => Tokens = tokens;

    public static ConnectorCredentials Anonymous { get; } = new(null);

    public IConnectorTokenProvider? Tokens { get; }

    public bool IsAnonymous => Tokens is null;
}

/// <summary>
/// Tokens from an Azure.Identity <see cref="TokenCredential"/>, cached until <see cref="RefreshMargin"/> before they
/// expire. One acquisition at a time: concurrent callers wait for the one in flight instead of each asking Entra ID
/// (no stampede when the cache runs out under load). A forced refresh (after a 401) builds a new credential, because
/// Azure.Identity's credentials keep their own MSAL cache and offer no "skip the cache" switch.
/// </summary>
public sealed partial class CredentialTokenProvider : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";

    private static readonly TokenRequestContext Request = new([Scope]);

    private readonly Func<TokenCredential> _createCredential;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenCredential? _credential;
    private Cached? _cached;

    public CredentialTokenProvider(Func<TokenCredential> createCredential, TimeProvider time, ILogger<CredentialTokenProvider> logger)
    {
        _createCredential = createCredential;
        _time = time;
        _logger = logger;
    }

    /// <summary>How long before expiry a token is replaced (5 minutes, the Bot Framework SDK's margin).</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromMinutes(5);

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Fresh() ?? await AcquireAsync(forced: false, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<string> RefreshAsync(string rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && cached.Token != rejected && Fresh() is { } other)
            {
                return other;
            }

            ConnectorLog.TokenRefreshForced(_logger);
            _credential = null;
            _cached = null;
            return await AcquireAsync(forced: true, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Fresh() => _cached is { } c && _time.GetUtcNow() < c.FreshUntil ? c.Token : null;

    private async Task<string> AcquireAsync(bool forced, CancellationToken cancellationToken)
    {
        var credential = _credential ??= _createCredential();
        AccessToken token;
        try
        {
            token = await credential.GetTokenAsync(Request, cancellationToken);
        }
        catch (Exception e) when (e is AuthenticationFailedException or CredentialUnavailableException or RequestFailedException)
        {
            // Entra ID is down or slow: a token that has not expired yet still works for the connector.
            if (!forced && _cached is { } old && _time.GetUtcNow() < old.ExpiresOn)
            {
                ConnectorLog.TokenRenewalFailedUsingOld(_logger, e.GetType().Name, old.ExpiresOn);
                return old.Token;
            }

            ConnectorLog.TokenFailed(_logger, e);
            throw new ConnectorException(ConnectorErrorKind.TokenUnavailable, $"Token bot untuk connector tidak dapat diperoleh: {e.Message}", inner: e);
        }

        var now = _time.GetUtcNow();
        var freshUntil = token.ExpiresOn - RefreshMargin;
        if (token.RefreshOn is { } refreshOn && refreshOn < freshUntil)
        {
            freshUntil = refreshOn;
        }

        if (freshUntil <= now)
        {
            // A token shorter-lived than the margin: use it for half of what is left rather than never.
            freshUntil = now + ((token.ExpiresOn - now) / 2);
        }

        _cached = new Cached(token.Token, token.ExpiresOn, freshUntil);
        ConnectorLog.TokenAcquired(_logger, token.ExpiresOn);
        return token.Token;
    }

    private sealed record Cached(string Token, DateTimeOffset ExpiresOn, DateTimeOffset FreshUntil);
}
