using Azure;
using Azure.Identity;
using KinerjaBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage;

/// <summary>
/// Proves the configured store when the host starts, so a bad store fails the start, not a user's turn. SQLite: creates
/// or migrates the schema. Azure Tables: creates every table that is missing (<see cref="TableStorage.PastikanAsync"/>),
/// which exercises the endpoint, the account key or the identity and its role; no SQLite file is made. A failure stops
/// the host with an <see cref="OptionsValidationException"/> whose message names the configuration key (Program prints
/// it and exits with 3, like any other configuration error).
/// </summary>
internal sealed class StorageInitializer(IOptions<StorageOptions> options, IServiceProvider services) : IHostedService
{
    /// <summary>How long the start waits for the Tables account (the SDK's retries included).</summary>
    internal static readonly TimeSpan BatasTables = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.PakaiTables)
        {
            await services.GetRequiredService<SqliteDatabase>().PastikanSkemaAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var batas = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        batas.CancelAfter(BatasTables);
        try
        {
            await services.GetRequiredService<TableStorage>().PastikanAsync(batas.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RequestFailedException or AuthenticationFailedException
                                      or CredentialUnavailableException or OperationCanceledException or AggregateException)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), [Pesan(o, e)]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What the operator reads: the key to fix, what the account answered, what usually causes it.</summary>
    internal static string Pesan(StorageOptions o, Exception e)
    {
        var pakaiEndpoint = string.IsNullOrWhiteSpace(o.TablesConnectionString);
        var kunci = pakaiEndpoint ? "Kinerja:Storage:TablesEndpoint" : "Kinerja:Storage:TablesConnectionString";
        // The SDK's retries end in an AggregateException of every attempt: the last one says what happened.
        var percobaan = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[^1] : e;
        var sebab = percobaan switch
        {
            RequestFailedException { Status: 401 or 403 } r => pakaiEndpoint
                ? $"akun menolak identitas ({r.Status} {r.ErrorCode}); beri identitas itu peran \"Storage Table Data Contributor\" pada akun"
                : $"akun menolak kunci ({r.Status} {r.ErrorCode}); periksa AccountName dan AccountKey",
            RequestFailedException { Status: 0 } r => $"akun tidak dapat dihubungi ({r.InnerException?.Message ?? r.Message})",
            HttpRequestException h => $"akun tidak dapat dihubungi ({h.Message})",
            RequestFailedException r => $"akun menjawab {r.Status} {r.ErrorCode}",
            AuthenticationFailedException or CredentialUnavailableException => $"identitas tidak mendapat token ({percobaan.Message.Split('\n')[0]}); "
                + "periksa Kinerja:Storage:TablesManagedIdentityClientId",
            OperationCanceledException => $"akun tidak menjawab dalam {BatasTables.TotalSeconds:0} detik",
            _ => percobaan.Message.Split('\n')[0],
        };
        return $"{kunci}: Azure Tables tidak dapat dipakai saat start: {sebab}. Tabel ({o.TablesPrefix?.Trim()}Kantor, …) dibuat bila belum ada.";
    }
}
