using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage;

/// <summary>The checks that data annotations cannot express; messages name the configuration key.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var kesalahan = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Provider)
            && !string.Equals(options.Provider.Trim(), StorageOptions.ProviderSqlite, StringComparison.OrdinalIgnoreCase)
            && !options.PakaiTables)
        {
            kesalahan.Add($"Kinerja:Storage:Provider '{options.Provider}' tidak dikenal; yang didukung: {StorageOptions.ProviderSqlite}, {StorageOptions.ProviderTables}.");
        }

        if (options.PakaiTables)
        {
            ValidasiTables(options, kesalahan);
        }

        if (!string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            var path = options.SqlitePath.Trim();
            if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                kesalahan.Add($"Kinerja:Storage:SqlitePath '{options.SqlitePath}' berisi karakter yang tidak boleh ada di path.");
            }
            else if (path.EndsWith('/') || path.EndsWith('\\') || Path.GetFileName(path).Length == 0)
            {
                kesalahan.Add($"Kinerja:Storage:SqlitePath '{options.SqlitePath}' harus nama berkas, bukan folder.");
            }
        }

        return kesalahan.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(kesalahan);
    }

    private static void ValidasiTables(StorageOptions options, List<string> kesalahan)
    {
        var cs = options.TablesConnectionString?.Trim();
        var endpoint = options.TablesEndpoint?.Trim();
        var clientId = options.TablesManagedIdentityClientId?.Trim();
        if (!string.IsNullOrEmpty(cs) && !string.IsNullOrEmpty(endpoint))
        {
            kesalahan.Add("Kinerja:Storage:TablesConnectionString dan Kinerja:Storage:TablesEndpoint tidak boleh diisi bersamaan; pilih salah satu.");
        }
        else if (string.IsNullOrEmpty(cs) && string.IsNullOrEmpty(endpoint))
        {
            kesalahan.Add("Kinerja:Storage:TablesConnectionString wajib diisi untuk provider tables (UseDevelopmentStorage=true atau connection string akun), "
                + "atau Kinerja:Storage:TablesEndpoint (https://<akun>.table.core.windows.net/) dengan managed identity.");
        }
        else if (!string.IsNullOrEmpty(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
                || !string.IsNullOrEmpty(uri.Query))
            {
                kesalahan.Add($"Kinerja:Storage:TablesEndpoint '{options.TablesEndpoint}' harus URL https akun, mis. https://<akun>.table.core.windows.net/ "
                    + "(http hanya untuk localhost).");
            }
        }

        if (!string.IsNullOrEmpty(clientId))
        {
            if (string.IsNullOrEmpty(endpoint))
            {
                kesalahan.Add("Kinerja:Storage:TablesManagedIdentityClientId hanya dipakai bersama Kinerja:Storage:TablesEndpoint.");
            }
            else if (!Guid.TryParse(clientId, out _))
            {
                kesalahan.Add($"Kinerja:Storage:TablesManagedIdentityClientId '{options.TablesManagedIdentityClientId}' harus GUID (client id managed identity).");
            }
        }

        if (!string.IsNullOrEmpty(cs))
        {
            try
            {
                _ = new Azure.Data.Tables.TableServiceClient(cs);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                kesalahan.Add("Kinerja:Storage:TablesConnectionString tidak bisa dibaca (mis. UseDevelopmentStorage=true atau "
                    + "DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…).");
            }
        }

        var prefix = options.TablesPrefix?.Trim() ?? "";
        if (prefix.Length is 0 or > 50 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            kesalahan.Add($"Kinerja:Storage:TablesPrefix '{options.TablesPrefix}' harus huruf/angka, diawali huruf, paling panjang 50.");
        }
    }
}
