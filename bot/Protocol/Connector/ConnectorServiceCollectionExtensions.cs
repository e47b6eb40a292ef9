using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The outbound side: options (<c>Kinerja:Connector</c>) and credential keys (top level) validated on start, the
    /// token provider (production only), host policy, rate limiter and the typed <see cref="IConnectorClient"/>.
    /// Needs <see cref="BotAuthentication"/> (registered by <c>AddKinerjaProtocol</c>) to know the mode. Tests replace
    /// the primary handler with <c>AddHttpClient&lt;IConnectorClient, ConnectorClient&gt;().ConfigurePrimaryHttpMessageHandler(…)</c>.
    /// </summary>
    public static IServiceCollection AddKinerjaConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());

        // The Bot Framework's keys sit at the top level (MicrosoftAppId, MicrosoftAppPassword, …), read here directly.
        services.AddOptions<ConnectorCredentialOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorCredentialOptions>, ConnectorCredentialOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
        {
            var keys = sp.GetRequiredService<IOptions<ConnectorCredentialOptions>>().Value;
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectorClient));
            if (ConnectorCredentialFactory.Plan(keys).Plan is { } plan)
            {
                ConnectorLog.CredentialChosen(logger, plan.Kind, plan.ClientId, plan.TenantId);
            }

            return new CredentialTokenProvider(
                () => ConnectorCredentialFactory.Create(keys, contentRoot),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<CredentialTokenProvider>>());
        });

        // In development (anonymous) mode the provider is never created: no credential, no header.
        services.TryAddSingleton(sp => sp.GetRequiredService<BotAuthentication>().IsAnonymous
            ? ConnectorCredentials.Anonymous
            : new ConnectorCredentials(sp.GetRequiredService<IConnectorTokenProvider>()));
        services.TryAddSingleton<ConnectorHostPolicy>();
        services.TryAddSingleton<ITenantGate, InProcessTenantGate>();
        services.AddMetrics();
        services.TryAddSingleton<ConnectorMetrics>();
        services.TryAddSingleton(sp => new ConnectorRateLimiter(sp.GetRequiredService<IOptions<ConnectorOptions>>(), sp.GetRequiredService<ITenantGate>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ConnectorRateLimiter>>(), sp.GetRequiredService<ConnectorMetrics>()));
        services.TryAddSingleton<ConnectorBackoff>();

        // The client applies its own per-attempt timeout on the injected TimeProvider. No automatic redirects: a 3xx
        // from an allow-listed host must not carry the message elsewhere. Pooled connections are renewed so DNS-based
        // routing (smba.trafficmanager.net) is followed.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        return services;
    }
}
