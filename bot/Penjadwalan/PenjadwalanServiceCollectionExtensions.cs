using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Kinerja.Jobs.Jadwal;
using Kinerja.Jobs.Pengiriman;
using KinerjaBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Penjadwalan;

public static class PenjadwalanServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire inside the bot host (issue 6): storage chosen by <c>Kinerja:Jadwal:Penyimpanan</c> (SQLite file next to
    /// the store, or PostgreSQL shared by several instances), a server with <c>JumlahPekerja</c> workers on the
    /// recovery queue, the delivery queue and the default one (unless <c>Kinerja:Jadwal:Server</c> is false), every
    /// <see cref="IJadwalBerulang"/> registered on start, and the delivery engine (<see cref="IPengirimanMassal"/>,
    /// ledger, Teams sender). The CLI verbs never call this: they start no Hangfire server.
    /// </summary>
    public static IServiceCollection AddKinerjaPenjadwalan(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PenjadwalanOptions>()
            .Bind(configuration.GetSection(PenjadwalanOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PenjadwalanOptions>, PenjadwalanOptionsValidator>();
        services.AddOptions<PengirimanOptions>()
            .Bind(configuration.GetSection(PengirimanOptions.Section))
            .PostConfigure(p =>
            {
                // Hangfire's invisibility timeout, read as the section binds it (a bad value is reported by that section).
                if (TimeSpan.TryParse(configuration[PenjadwalanOptions.Section + ":BatasTakTerlihat"], System.Globalization.CultureInfo.InvariantCulture, out var t))
                {
                    p.BatasTakTerlihat = t;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHangfire((sp, hangfire) =>
        {
            var o = sp.GetRequiredService<IOptions<PenjadwalanOptions>>().Value;
            hangfire.UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (o.PakaiPostgreSql)
            {
                hangfire.UsePostgreSqlStorage(b => b.UseNpgsqlConnection(o.PostgreSqlConnectionString!.Trim()), new PostgreSqlStorageOptions
                {
                    SchemaName = o.PostgreSqlSchema,
                    QueuePollInterval = o.IntervalAntrian,
                    InvisibilityTimeout = o.BatasTakTerlihat,
                    PrepareSchemaIfNecessary = true,
                });
            }
            else
            {
                hangfire.UseSQLiteStorage(SqlitePath(sp, o), new SQLiteStorageOptions
                {
                    QueuePollInterval = o.IntervalAntrian,
                    InvisibilityTimeout = o.BatasTakTerlihat,
                });
            }
        });

        // Jobs are activated from this host's container. Hangfire's defaults go through process-wide state
        // (JobActivator.Current) that the last configured host owns; with several hosts in one process (the test tier)
        // a job would be activated from another, perhaps disposed, container.
        services.Replace(ServiceDescriptor.Singleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>())));

        var jadwal = configuration.GetSection(PenjadwalanOptions.Section).Get<PenjadwalanOptions>() ?? new PenjadwalanOptions();
        if (jadwal.Server)
        {
            services.AddHangfireServer((sp, server) =>
            {
                var o = sp.GetRequiredService<IOptions<PenjadwalanOptions>>().Value;
                LantaiThreadPool.Terapkan(o.JumlahPekerja, sp.GetRequiredService<IOptions<PengirimanOptions>>().Value.Paralel,
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LantaiThreadPool)));
                server.WorkerCount = o.JumlahPekerja;
                server.Queues = [PekerjaPengiriman.AntrianPemulihan, PekerjaPengiriman.Antrian, "default"];
                server.SchedulePollingInterval = o.IntervalAntrian;
                server.ServerName = PekerjaPengiriman.Pekerja;
                server.Activator = sp.GetRequiredService<JobActivator>();
            });
        }

        // Several instances on one PostgreSQL storage share the tenant's pace and 429 pause (PostgreSqlTenantGate); one
        // instance on SQLite paces in process. Replaces the connector's default whichever registration runs first.
        if (jadwal.PakaiPostgreSql)
        {
            services.Replace(ServiceDescriptor.Singleton<KinerjaBot.Protocol.Connector.ITenantGate, PostgreSqlTenantGate>());
        }

        services.AddKinerjaDasbor();
        services.AddHostedService<JadwalBerulangStarter>();
        services.AddSingleton<IJadwalBerulang, JadwalPemulihanPengiriman>();
        // The offices' daily jobs: checked every IntervalSinkron (imports by the CLI, another process), and registered at
        // once for an office imported in this process (the demo office on first start).
        services.AddSingleton<IJadwalBerulang>(sp => new JadwalSinkron(sp.GetRequiredService<IOptions<PenjadwalanOptions>>().Value.IntervalSinkron));
        services.AddSingleton<KinerjaBot.Import.IPengamatImpor, JadwalSetelahImpor>();

        // The delivery engine: jobs/ (planning, fan-out, per-delivery outcomes) over the bot's Teams sender.
        services.AddSingleton<IPengirimanMassal, PengirimanMassal>();
        services.AddTransient<PekerjaPengiriman>();
        services.AddMetrics();
        services.TryAddSingleton<PengirimanMetrics>();
        services.AddTransient<IPengirimPesan, TeamsPengirimPesan>();
        services.AddSingleton<IPenyusunPesan, PenyusunPesanUji>();
        return services;
    }

    /// <summary>The Hangfire SQLite file: <c>Kinerja:Jadwal:SqlitePath</c>, or <c>hangfire.db</c> beside the store's file.</summary>
    internal static string SqlitePath(IServiceProvider sp, PenjadwalanOptions o)
    {
        var store = sp.GetRequiredService<SqliteDatabase>().Path;
        var folder = Path.GetDirectoryName(store)!;
        var path = o.SqlitePath is { } p
            ? Path.GetFullPath(Path.Combine(sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory(), p.Trim()))
            : Path.Combine(folder, "hangfire.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}

/// <summary>
/// On start, every <see cref="IJadwalBerulang"/> in DI registers its recurring jobs (idempotent), and one recovery run
/// is scheduled for when sends left in flight by a previous process (a crash) count as interrupted
/// (<see cref="PengirimanOptions.BatasMengirim"/>), instead of waiting for the next minute's run after that.
/// </summary>
internal sealed partial class JadwalBerulangStarter(
    IEnumerable<IJadwalBerulang> jadwal,
    IRecurringJobManager manager,
    IBackgroundJobClient jobs,
    IOptions<PengirimanOptions> pengiriman,
    ILogger<JadwalBerulangStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var j in jadwal)
        {
            await j.DaftarkanAsync(manager, cancellationToken);
            Log.Registered(logger, j.GetType().Name);
        }

        jobs.Schedule<PekerjaPengiriman>(j => j.PulihkanAsync(CancellationToken.None), pengiriman.Value.BatasMengirim + TimeSpan.FromSeconds(1));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 9530, Level = LogLevel.Information, Message = "Recurring jobs of {Schedule} registered")]
        public static partial void Registered(ILogger logger, string schedule);
    }
}
