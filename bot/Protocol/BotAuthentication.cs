using System.Net;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol;

/// <summary>
/// The Bot Framework's own configuration keys (top level, like an Azure Bot deployment's app settings), so existing
/// deployments carry over. Only the app id matters until inbound token validation lands (issue #3).
/// </summary>
public sealed class BotAuthenticationOptions
{
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }
}

/// <summary>
/// Decides, once at start, how requests are authenticated. Anonymous (development) mode exists only when the host
/// runs in the Development environment AND no MicrosoftAppId is configured (botframework-protocol.md §1.5). Any
/// other combination stops the start: without an app id nothing can be validated, and with one the production
/// validator is not built yet — never a silent insecure mode.
/// </summary>
public sealed class BotAuthentication
{
    public BotAuthentication(IOptions<BotAuthenticationOptions> options, IHostEnvironment environment)
    {
        var appId = options.Value.MicrosoftAppId;
        if (string.IsNullOrWhiteSpace(appId))
        {
            if (!environment.IsDevelopment())
            {
                throw new OptionsValidationException("MicrosoftAppId", typeof(BotAuthenticationOptions),
                    [$"MicrosoftAppId is not configured. Anonymous mode (no token validation) is only allowed in the Development environment; this host runs in '{environment.EnvironmentName}'. Configure MicrosoftAppId, or set ASPNETCORE_ENVIRONMENT=Development for local development."]);
            }

            IsAnonymous = true;
            return;
        }

        throw new OptionsValidationException("MicrosoftAppId", typeof(BotAuthenticationOptions),
            ["MicrosoftAppId is configured, but validating Bot Connector tokens is not implemented yet (issue #3). KinerjaBot refuses to start rather than accept unauthenticated requests: remove MicrosoftAppId for local development in the Development environment."]);
    }

    /// <summary>True in development mode: no token is required inbound, none is attached outbound.</summary>
    public bool IsAnonymous { get; }
}

/// <summary>
/// Which service URLs the bot may call. In anonymous mode only loopback hosts (the Agents Playground): a forged
/// activity must not turn the bot into a client of arbitrary hosts.
/// </summary>
public sealed class ServiceUrlPolicy(BotAuthentication authentication)
{
    public Uri Check(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConnectorException($"serviceUrl '{serviceUrl}' bukan alamat http(s) yang valid");
        }

        if (authentication.IsAnonymous && !IsLoopback(uri))
        {
            throw new ConnectorException($"Mode pengembangan hanya memanggil serviceUrl loopback, bukan '{uri.Host}'");
        }

        return uri;
    }

    public bool IsAllowed(string? serviceUrl)
    {
        try
        {
            Check(serviceUrl);
            return true;
        }
        catch (ConnectorException)
        {
            return false;
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
