using System.Net;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

/// <summary>
/// Which service URLs the bot calls, and which of them get its token. The token is a password for the bot: a
/// tampered or forged serviceUrl (stored with a conversation, or in an activity) must not receive it
/// (botframework-protocol.md §2.1, risk 3). In production only https URLs on the allow-list are called at all, and
/// always with the token; in development (anonymous) mode only loopback URLs are called, never with a token (§1.5).
/// Anything else is refused before a request exists.
/// </summary>
public sealed class ConnectorHostPolicy
{
    private readonly bool _anonymous;
    private readonly IReadOnlyList<string> _hosts;
    private readonly ILogger _logger;

    public ConnectorHostPolicy(ConnectorCredentials credentials, IOptions<ConnectorOptions> options, ILogger<ConnectorHostPolicy> logger)
    {
        _anonymous = credentials.IsAnonymous;
        _hosts = options.Value.HostEfektif;
        _logger = logger;
    }

    /// <summary>The base URI (ending in <c>/</c>) to call, or <see cref="ConnectorErrorKind.Refused"/> and a log line.</summary>
    public Uri Check(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Refuse(serviceUrl, "-", "bukan alamat http(s) yang valid");
        }

        if (_anonymous)
        {
            return IsLoopback(uri) ? uri : throw Refuse(serviceUrl, uri.Host, "mode pengembangan hanya memanggil serviceUrl loopback");
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw Refuse(serviceUrl, uri.Host, "hanya https yang boleh menerima token bot");
        }

        return MayCarryToken(uri) ? uri : throw Refuse(serviceUrl, uri.Host, "host tidak ada di Kinerja:Connector:HostDiizinkan");
    }

    /// <summary>
    /// True only for https, the default port, no user info and an allow-listed host — checked again right before the
    /// Authorization header is set, whatever <see cref="Check"/> said.
    /// </summary>
    public bool MayCarryToken(Uri uri) =>
        !_anonymous
        && uri.IsAbsoluteUri
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.IsDefaultPort
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.HostNameType == UriHostNameType.Dns
        && IsAllowedHost(uri.IdnHost);

    /// <summary>
    /// A host name (<c>smba.trafficmanager.net</c>) or a subdomain pattern (<c>*.botframework.com</c>, which matches
    /// <c>europe.botframework.com</c> but neither <c>botframework.com</c> nor <c>evilbotframework.com</c>).
    /// </summary>
    public static bool IsValidPattern(string pattern)
    {
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return host.Contains('.', StringComparison.Ordinal)
            && !host.Contains('*', StringComparison.Ordinal)
            && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }

    private bool IsAllowedHost(string host)
    {
        host = host.TrimEnd('.');
        foreach (var pattern in _hosts)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                if (host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1)
                {
                    return true;
                }
            }
            else if (string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private ConnectorException Refuse(string? serviceUrl, string host, string reason)
    {
        ConnectorLog.ServiceUrlRefused(_logger, host, reason);
        return new ConnectorException(ConnectorErrorKind.Refused, $"serviceUrl '{serviceUrl}' ditolak: {reason}");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
