using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using KinerjaBot.Storage.Salin;
using KinerjaBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The stores of the domain's ports (<see cref="IKantorStore"/>, <see cref="IPenggunaStore"/>,
    /// <see cref="IPercakapanStore"/>, <see cref="IKontrakStore"/>, <see cref="IKartuSkpStore"/>,
    /// <see cref="IDialogStore"/>, <see cref="IBukuPengirimanStore"/>) on the provider chosen in <c>Kinerja:Storage</c>
    /// (<c>sqlite</c> or <c>tables</c>), options validated on start, the store proven on start (SQLite schema created or
    /// migrated; Tables: every table created), and <see cref="TimeProvider.System"/> unless a clock is already registered.
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
        // Provider "tables" switches every port to Azure Tables (docs/storage.md): offices, linked users, conversation
        // references, SKP cards and the SKP workflow with its delegations.
        services.TryAddSingleton<PenghitungPermintaanTables>();
        services.TryAddSingleton<TableStorage>();
        services.TryAddSingleton<TableGc>();
        services.TryAddSingleton<IKantorStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TableKantorStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteKantorStore>(sp));
        services.TryAddSingleton<IPenggunaStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TablePenggunaStore>(sp)
            : ActivatorUtilities.CreateInstance<SqlitePenggunaStore>(sp));
        services.TryAddSingleton<IPercakapanStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TablePercakapanStore>(sp)
            : ActivatorUtilities.CreateInstance<SqlitePercakapanStore>(sp));
        services.TryAddSingleton<IKontrakStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TableKontrakStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteKontrakStore>(sp));
        services.TryAddSingleton<DataPenilaian>();
        services.TryAddSingleton<IKartuSkpStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TableKartuSkpStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteKartuSkpStore>(sp));
        services.TryAddSingleton<IDialogStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TableDialogStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteDialogStore>(sp));
        // The delivery ledger of issue 6 follows the provider too (TableBukuPengirimanStore: table {prefix}Pengiriman).
        services.TryAddSingleton<IBukuPengirimanStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables
            ? ActivatorUtilities.CreateInstance<TableBukuPengirimanStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteBukuPengirimanStore>(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());

        // `store copy`: one copier per port (docs/storage.md "Moving between stores"); a new port adds its own here.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinKantor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinAlurSkp>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinDelegasi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinPengguna>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinPercakapan>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinKartuSkp>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinDialog>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinRencanaDialog>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPenyalinStore, PenyalinBukuPengiriman>());
        return services;
    }
}
