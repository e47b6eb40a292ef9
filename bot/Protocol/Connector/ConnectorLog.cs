namespace KinerjaBot.Protocol.Connector;

/// <summary>The connector's log lines (event ids 2100–2199). The bot token is never logged.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Connector {Method} {Path} → {Status} (retries: {Retries})")]
    public static partial void Call(ILogger logger, string method, string path, int status, int retries);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Connector {Method} {Path} answered {Status} {Code}")]
    public static partial void Failed(ILogger logger, string method, string path, int status, string? code);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Connector {Method} {Path} unreachable: {Reason}")]
    public static partial void Unreachable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Refused to call the service URL of host {Host}: {Reason}")]
    public static partial void ServiceUrlRefused(ILogger logger, string host, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Connector {Method} {Path}: retry {Retry} in {DelaySeconds} s after {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string path, int retry, double delaySeconds, string reason);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Connector throttled tenant {TenantId}: every call to it pauses {Seconds} s")]
    public static partial void TenantPaused(ILogger logger, string tenantId, double seconds);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Connector {Method} {Path} may have delivered the message ({Reason}); not sent again")]
    public static partial void MaybeDelivered(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Debug, Message = "Waiting {Milliseconds} ms for a connector slot (conversation {Conversation}, tenant {TenantId})")]
    public static partial void Waiting(ILogger logger, string conversation, string tenantId, double milliseconds);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Debug, Message = "Bot token for the connector acquired, valid until {ExpiresOn}")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information, Message = "The connector rejected the bot token: acquiring a new one")]
    public static partial void TokenRefreshForced(ILogger logger);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Error, Message = "Could not acquire a bot token for the connector")]
    public static partial void TokenFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Renewing the bot token failed ({Error}); the current one is used until {ExpiresOn}")]
    public static partial void TokenRenewalFailedUsingOld(ILogger logger, string error, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "Connector credential: {Kind} for app {ClientId}, tenant {TenantId}")]
    public static partial void CredentialChosen(ILogger logger, ConnectorCredentialKind kind, string clientId, string tenantId);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Tenant {TenantId} is paused for {Seconds} s more, longer than Kinerja:Connector:RetryAfterMaksimum: not waiting")]
    public static partial void PauseTooLong(ILogger logger, string tenantId, double seconds);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Information, Message = "Connector pacing: at most {Limit} calls per tenant in any second (jitter allowance {JitterMilliseconds} ms), {Gate}")]
    public static partial void TenantPacing(ILogger logger, int limit, double jitterMilliseconds, string gate);
}
