using Kinerja.Domain.Penilaian;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KinerjaBot.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The preset the import validates with unless a <see cref="KebijakanPenilaian"/> is registered.</summary>
    public const string PresetBawaan = "kmk467";

    /// <summary>
    /// <see cref="DataKantorReader"/> and <see cref="KantorImporter"/> (singletons). Needs an
    /// <c>IKantorStore</c> (<c>AddKinerjaStorage</c>). The reader validates with the registered
    /// <see cref="KebijakanPenilaian"/>, or with the <c>kmk467</c> preset when none is registered.
    /// </summary>
    public static IServiceCollection AddKinerjaImport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new DataKantorReader(
            sp.GetService<KebijakanPenilaian>() ?? KebijakanPenilaianReader.BacaPreset(PresetBawaan)));
        services.TryAddSingleton<KantorImporter>();
        return services;
    }
}
