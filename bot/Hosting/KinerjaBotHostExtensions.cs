using Kinerja.Domain.Penilaian;
using KinerjaBot.Dialog;
using KinerjaBot.Handlers;
using KinerjaBot.Import;
using KinerjaBot.Protocol;
using KinerjaBot.Protocol.Auth;
using KinerjaBot.Penjadwalan;
using KinerjaBot.Reach;
using KinerjaBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary><c>Program.cs</c> is a table of contents: one registration per area, here.</summary>
public static class KinerjaBotHostExtensions
{
    public static WebApplicationBuilder AddKinerjaBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddKinerjaStorage(builder.Configuration);
        services.AddKinerjaImport();
        services.AddKinerjaKebijakan(builder.Configuration);
        services.AddKinerjaProtocol(builder.Configuration);
        services.AddKinerjaHandlers();
        services.AddKinerjaDialog(builder.Configuration);

        // Conversation references, reach (Graph install) and the Entra ID directory: bot/Reach, bot/Directory.
        services.AddKinerjaJangkauan(builder.Configuration);

        // Scheduled messages (issue 6, part B): calendar, planners, message builders, the daily job per office, "nilai tim".
        services.AddKinerjaPengingat(builder.Configuration);

        // Hangfire, the delivery engine and its ledger, the dashboard (issue 6): bot/Penjadwalan.
        services.AddKinerjaPenjadwalan(builder.Configuration);

        services.AddHostedService<DemoSeeder>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MessagesEndpoint.MaxBodyBytes);
        return builder;
    }

    public static WebApplication UseKinerjaBot(this WebApplication app)
    {
        // Fail fast, before the host starts anything: every option validated on start (ValidateOnStart) is checked
        // here, the authentication mode decided and the scoring policy read, so an insecure or invalid configuration
        // stops the start with a message naming the key.
        app.Services.GetService<IStartupValidator>()?.Validate();
        if (app.Services.GetRequiredService<BotAuthentication>().IsAnonymous)
        {
            HostLog.AnonymousMode(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KinerjaBot"));
        }

        _ = app.Services.GetRequiredService<KebijakanPenilaian>();
        app.MapBotMessages();
        app.MapNotulaDialog();
        app.UseKinerjaDasbor();
        app.MapGet("/", () => Results.Text("KinerjaBot berjalan. Endpoint bot: POST /api/messages\n"));
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    public static IServiceCollection AddKinerjaKebijakan(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KinerjaOptions>()
            .Bind(configuration.GetSection(KinerjaOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KinerjaOptions>, KinerjaOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KinerjaOptions>>().Value.Kebijakan;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            string? overrideJson = null;
            if (options.Override is { Length: > 0 } path)
            {
                overrideJson = File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path));
            }

            return KebijakanPenilaianReader.BacaPreset(options.Preset, overrideJson);
        });
        services.AddSingleton(sp => new Penilai(sp.GetRequiredService<KebijakanPenilaian>()));
        return services;
    }

    public static IServiceCollection AddKinerjaProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddKinerjaAuthentication(configuration);
        services.AddSingleton<ActivityDeduplicator>();
        services.AddSingleton<TurnRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnRunner>());
        services.AddKinerjaConnector(configuration);
        return services;
    }

    public static IServiceCollection AddKinerjaHandlers(this IServiceCollection services)
    {
        services.AddScoped<PenggunaResolver>();
        services.AddScoped<NilaiSayaHandler>();
        services.AddScoped<SkpHandler>();
        services.AddScoped<PengirimanHandler>();
        services.AddScoped<DasborHandler>();
        services.AddScoped<IActivityHandler, KinerjaActivityHandler>();
        return services;
    }
}

internal static partial class HostLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Development mode: no MicrosoftAppId, requests are NOT authenticated and only loopback service URLs are called")]
    public static partial void AnonymousMode(ILogger logger);
}
