using KinerjaBot.Hosting;
using KinerjaBot.Hosting.Cli;

// Coordinators' verbs (import, rekap) run without the web host; anything else starts the bot.
if (KinerjaCli.IsCommand(args))
{
    return await KinerjaCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddKinerjaBot();

var app = builder.Build();
app.UseKinerjaBot();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the in-process host tests (WebApplicationFactory).</summary>
public partial class Program;
