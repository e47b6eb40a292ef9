using Kinerja.Domain.Penilaian;
using KinerjaBot.Hosting;
using KinerjaBot.Hosting.Cli;
using Microsoft.Extensions.Options;

// Coordinators' verbs (import, rekap, paket-teams) run without the web host; anything else starts the bot.
if (KinerjaCli.IsCommand(args))
{
    return await KinerjaCli.RunAsync(args);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddKinerjaBot();

    var app = builder.Build();
    app.UseKinerjaBot();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or KebijakanTidakValidException
                           && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // A bad configuration is the operator's to fix: say which key, without a stack trace. Only when this is the
    // process's entry point: in-process test hosts (WebApplicationFactory) must see the exception itself.
    await Console.Error.WriteLineAsync("KinerjaBot tidak dapat dimulai, konfigurasi tidak valid:");
    var failures = e is OptionsValidationException o ? o.Failures : ((KebijakanTidakValidException)e).Kesalahan;
    foreach (var failure in failures)
    {
        await Console.Error.WriteLineAsync("  " + failure);
    }

    return 3;
}

/// <summary>The entry point, visible to the in-process host tests (WebApplicationFactory).</summary>
public partial class Program;
