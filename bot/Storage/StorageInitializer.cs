
namespace KinerjaBot.Storage;

/// <summary>Creates or migrates the schema when the host starts, so a bad file fails the start, not a user's turn.</summary>
internal sealed class StorageInitializer(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.PastikanSkemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
