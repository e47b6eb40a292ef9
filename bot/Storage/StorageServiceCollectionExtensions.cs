using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using KinerjaBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The stores of the domain's ports (<see cref="IKantorStore"/>, <see cref="IPenggunaStore"/>,
    /// <see cref="IPercakapanStore"/>, <see cref="IKontrakStore"/>, <see cref="IKartuSkpStore"/>) on the provider
    /// chosen in <c>Kinerja:Storage</c> (<c>sqlite</c>, or <c>tables</c> for every port but <see cref="IKontrakStore"/>), options validated on start, the schema created
    /// or migrated on start, and <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddKinerjaStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteDatabase>>(),
            sp.GetService<IHostEnvironment>()));
        // Provider "tables" switches the offices, the linked users, the conversation references and the SKP cards to
        // Azure Tables (docs/storage.md); the contracts (IKontrakStore) stay on SQLite until the next slice of issue 7.
        services.TryAddSingleton<TableStorage>();
        services.TryAddSingleton<IKantorStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TableKantorStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteKantorStore>(sp));
        services.TryAddSingleton<IPenggunaStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TablePenggunaStore>(sp)
            : ActivatorUtilities.CreateInstance<SqlitePenggunaStore>(sp));
        services.TryAddSingleton<IPercakapanStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TablePercakapanStore>(sp)
            : ActivatorUtilities.CreateInstance<SqlitePercakapanStore>(sp));
        services.TryAddSingleton<IKontrakStore, SqliteKontrakStore>();
        services.TryAddSingleton<DataPenilaian>();
        services.TryAddSingleton<IKartuSkpStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TableKartuSkpStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteKartuSkpStore>(sp));
        // The delivery ledger of issue 6 follows the provider too (TableBukuPengirimanStore: table {prefix}Pengiriman).
        services.TryAddSingleton<IBukuPengirimanStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TableBukuPengirimanStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteBukuPengirimanStore>(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        return services;
    }
}
