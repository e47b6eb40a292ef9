using Kinerja.Domain.Ports;
using KinerjaBot.Entra;
using KinerjaBot.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Reach;

public static class ReachServiceCollectionExtensions
{
    /// <summary>
    /// Reaching people: the recorder of conversation references at the protocol edge (<see cref="IActivityObserver"/>),
    /// the reach service (<see cref="IJangkauanPegawai"/>) and the directory it installs through
    /// (<c>AddKinerjaDirectory</c>), with <see cref="JangkauanOptions"/> validated on start. Needs the stores
    /// (<c>AddKinerjaStorage</c>).
    /// </summary>
    public static IServiceCollection AddKinerjaJangkauan(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddKinerjaDirectory(configuration);
        services.AddOptions<JangkauanOptions>()
            .Bind(configuration.GetSection(JangkauanOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<JangkauanOptions>>(new JangkauanOptionsSetup(configuration)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JangkauanOptions>, JangkauanOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJangkauanPegawai, TeamsJangkauanPegawai>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityObserver, ConversationReferenceRecorder>());
        return services;
    }
}
