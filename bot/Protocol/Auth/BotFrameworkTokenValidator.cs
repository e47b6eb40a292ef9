using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KinerjaBot.Protocol.Auth;

/// <summary>What a valid Bot Connector token says, kept for the checks that need the activity.</summary>
public sealed record BotConnectorToken(string KeyId, IReadOnlyList<string> Endorsements, string? ServiceUrl);

/// <summary>The token, or why the request is refused (a reason for the log, never the token).</summary>
public readonly record struct TokenCheck(BotConnectorToken? Token, string? Failure);

/// <summary>
/// Inbound authentication of <c>POST /api/messages</c>, token path A of botframework-protocol.md §1.2, in two steps:
/// <see cref="ValidateAsync"/> needs only the Authorization header (run before the body is read), and
/// <see cref="Authorizes"/> ties the valid token to the activity (endorsed channel, serviceurl, tenant).
/// Any failure is a 401 with an empty body for the caller and one log line with the reason here.
/// Entra-issued tokens (path B, §1.3) are not accepted.
/// </summary>
public sealed partial class BotFrameworkTokenValidator(
    BotConnectorSigningKeys keys,
    BotAuthentication authentication,
    IOptions<BotAuthenticationOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkTokenValidator> logger)
{
    public const string Issuer = "https://api.botframework.com";

    /// <summary>The claim naming the service URL the token was issued for (botbuilder's ChannelValidation).</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>
    /// A Bot Connector token is 1–2 KB; 8 KB leaves room for growth and refuses header stuffing before any parsing.
    /// </summary>
    public const int MaxAuthorizationHeaderLength = 8 * 1024;

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxAuthorizationHeaderLength, MapInboundClaims = false };

    /// <summary>Step 1: the header holds exactly one <c>Bearer</c> JWT the Bot Connector signed for this bot, now.</summary>
    public async Task<TokenCheck> ValidateAsync(StringValues authorization, CancellationToken cancellationToken)
    {
        if (authentication.IsAnonymous)
        {
            return Reject("development mode has no app id to validate a token for");
        }

        if (Extract(authorization, out var token) is { } malformed)
        {
            return Reject(malformed);
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException or System.Text.Json.JsonException)
        {
            return Reject("malformed token: not a JWS in compact form");
        }

        // Cheap checks first, like the SDK: nothing a forger controls costs a metadata fetch unless it looks right.
        if (jwt.IsEncrypted || !AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return Reject($"algorithm '{Short(jwt.IsEncrypted ? jwt.Enc : jwt.Alg)}' is not one of RS256, RS384, RS512");
        }

        if (!string.Equals(jwt.Issuer, Issuer, StringComparison.Ordinal))
        {
            return Reject($"issuer '{Short(jwt.Issuer)}' is not {Issuer}");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return Reject("token names no signing key (kid)");
        }

        var key = await keys.FindAsync(jwt.Kid, cancellationToken);
        if (key is null)
        {
            return Reject($"signing key '{Short(jwt.Kid)}' is not in the Bot Connector's key set");
        }

        var result = await _handler.ValidateTokenAsync(jwt, Parameters(key.Key));
        if (!result.IsValid)
        {
            return Reject(Describe(result.Exception));
        }

        var serviceUrl = jwt.TryGetPayloadValue<string>(ServiceUrlClaim, out var claim) ? claim : null;
        return new TokenCheck(new BotConnectorToken(key.KeyId, key.Endorsements, serviceUrl), null);
    }

    /// <summary>
    /// Step 2, once the activity is parsed: the signing key is endorsed for the activity's channel, the token was
    /// issued for the activity's service URL, and the conversation's tenant is allowed. False (logged) otherwise.
    /// </summary>
    public bool Authorizes(BotConnectorToken token, Activity activity)
    {
        if (Unauthorized(token, activity) is { } reason)
        {
            Log.Rejected(logger, reason);
            return false;
        }

        Log.Accepted(logger, token.KeyId, activity.ChannelId!, activity.TenantId);
        return true;
    }

    private string? Unauthorized(BotConnectorToken token, Activity activity)
    {
        // The SDK passes an empty channelId; Teams always sends "msteams", so an empty one is refused here.
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return "activity without channelId";
        }

        if (token.Endorsements.Count == 0)
        {
            return $"signing key '{token.KeyId}' has no endorsements";
        }

        if (!token.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return $"signing key '{token.KeyId}' is not endorsed for channel '{Short(activity.ChannelId)}'";
        }

        if (string.IsNullOrEmpty(token.ServiceUrl))
        {
            return "token without serviceurl claim";
        }

        if (!SameServiceUrl(token.ServiceUrl, activity.ServiceUrl))
        {
            return $"serviceurl claim '{Short(token.ServiceUrl)}' is not the activity's serviceUrl '{Short(activity.ServiceUrl)}'";
        }

        var tenants = options.Value.EffectiveTenants;
        if (tenants.Count > 0 && !tenants.Contains(activity.TenantId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return activity.TenantId is null ? "activity without tenant id, tenants are restricted" : $"tenant '{Short(activity.TenantId)}' is not in {BotAuthenticationOptions.PolicySection}:TenantDiizinkan";
        }

        return null;
    }

    /// <summary>
    /// Case-insensitive like the SDK (scheme and host are case-insensitive anyway), and one trailing <c>/</c> on either
    /// side is ignored: Teams sends <c>https://smba.trafficmanager.net/amer/</c> and the claim has been seen without
    /// the slash in other channels; anything else (path, port, scheme) must match exactly.
    /// </summary>
    public static bool SameServiceUrl(string claim, string? activityServiceUrl) =>
        activityServiceUrl is not null
        && string.Equals(TrimSlash(claim), TrimSlash(activityServiceUrl), StringComparison.OrdinalIgnoreCase);

    private static string TrimSlash(string url) => url.EndsWith('/') ? url[..^1] : url;

    /// <summary>Exactly one header value, <c>Bearer</c> (any case), one space, a token without spaces.</summary>
    private static string? Extract(StringValues authorization, out string token)
    {
        token = string.Empty;
        if (authorization.Count == 0)
        {
            return "no Authorization header";
        }

        if (authorization.Count > 1)
        {
            return $"{authorization.Count} Authorization headers";
        }

        var value = authorization[0] ?? string.Empty;
        if (value.Length > MaxAuthorizationHeaderLength)
        {
            return $"Authorization header of {value.Length} characters (limit {MaxAuthorizationHeaderLength})";
        }

        const string Scheme = "Bearer ";
        if (value.Trim().Equals(Scheme.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "empty bearer token";
        }

        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            // Name the scheme only when it looks like one: a bare token must not end up in the log.
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            var scheme = space < 0 ? value : value[..space];
            return scheme.Length is > 0 and <= 16 && scheme.All(char.IsAsciiLetter)
                ? $"Authorization scheme '{scheme}' is not Bearer"
                : "Authorization header without a scheme";
        }

        token = value[Scheme.Length..];
        if (token.Length == 0)
        {
            return "empty bearer token";
        }

        return token.Any(char.IsWhiteSpace) || token.Contains(',', StringComparison.Ordinal) ? "bearer token with spaces or commas" : null;
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = Issuer,
        ValidateAudience = true,
        ValidAudience = authentication.AppId,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,

        // TokenValidationParameters.TimeProvider is internal in IdentityModel 8.23.0 (checked by reflection), so the
        // lifetime is checked by this delegate against the injected clock; the exceptions name the failure.
        LifetimeValidator = ValidateLifetime,
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("token without exp");
        }

        if (notBefore is { } nbf && nbf > exp)
        {
            throw new SecurityTokenInvalidLifetimeException("nbf after exp");
        }

        if (notBefore is { } start && start > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("nbf in the future beyond the clock skew") { NotBefore = start };
        }

        if (exp < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException("exp in the past beyond the clock skew") { Expires = exp };
        }

        return true;
    }

    /// <summary>Our words for IdentityModel's failures: its messages are not logged (they may quote claims).</summary>
    private static string Describe(Exception? e) => e switch
    {
        SecurityTokenExpiredException => "token expired (beyond 5 minutes of clock skew)",
        SecurityTokenNotYetValidException => "token not yet valid (beyond 5 minutes of clock skew)",
        SecurityTokenNoExpirationException => "token without expiry",
        SecurityTokenInvalidLifetimeException => "token lifetime invalid",
        SecurityTokenInvalidAudienceException => "audience is not MicrosoftAppId",
        SecurityTokenInvalidIssuerException => $"issuer is not {Issuer}",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenInvalidSigningKeyException => "signing key not valid now",
        SecurityTokenSignatureKeyNotFoundException => "signature does not verify with the named key",
        SecurityTokenInvalidSignatureException => "signature invalid",
        null => "token invalid",
        _ => $"token invalid ({e.GetType().Name})",
    };

    private TokenCheck Reject(string reason)
    {
        Log.Rejected(logger, reason);
        return new TokenCheck(null, reason);
    }

    /// <summary>
    /// Values a caller controls are logged short and without control characters: enough to recognise, too little to
    /// stuff or forge log lines.
    /// </summary>
    private static string Short(string? value, int max = 64)
    {
        if (value is null)
        {
            return "(none)";
        }

        var shown = value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…");
        return shown.Any(char.IsControl) ? new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : shown;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Rejected request to /api/messages with 401: {Reason}")]
        public static partial void Rejected(ILogger logger, string reason);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Bot Connector token accepted (key {KeyId}, channel {ChannelId}, tenant {TenantId})")]
        public static partial void Accepted(ILogger logger, string keyId, string channelId, string? tenantId);
    }
}
