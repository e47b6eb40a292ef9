using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace KinerjaBot.Entra;

public static class DirectoryServiceCollectionExtensions
{
    /// <summary>
    /// The organisation's directory: <see cref="GraphOptions"/> (validated on start), <see cref="IDirectory"/> on
    /// Microsoft Graph when credentials are configured (else <see cref="DirektoriTidakDikonfigurasi"/>), and the sync
    /// (<see cref="SinkronDirektori"/>). Needs the stores (<c>AddKinerjaStorage</c>).
    /// </summary>
    public static IServiceCollection AddKinerjaDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<GraphOptions>>(new GraphOptionsSetup(configuration)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>();
            var o = options.Value;
            if (!o.Dikonfigurasi)
            {
                return new DirektoriTidakDikonfigurasi();
            }

            // The SDK's own HTTP pipeline (retry on 429/503 with Retry-After, redirects, compression) and token cache.
            var credential = new ClientSecretCredential(o.TenantId!.Trim(), o.ClientId!.Trim(), o.ClientSecret!);
            var graph = new GraphServiceClient(credential, [o.Scope()], o.BaseUrl.Trim().TrimEnd('/'));
            return new GraphDirectory(graph, options, sp.GetRequiredService<ILogger<GraphDirectory>>());
        });
        services.TryAddSingleton<SinkronDirektori>();
        return services;
    }
}
