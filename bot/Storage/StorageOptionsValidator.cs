using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage;

/// <summary>The checks that data annotations cannot express; messages name the configuration key.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var kesalahan = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Provider)
            && !string.Equals(options.Provider.Trim(), StorageOptions.ProviderSqlite, StringComparison.OrdinalIgnoreCase))
        {
            kesalahan.Add($"Kinerja:Storage:Provider '{options.Provider}' tidak dikenal; yang didukung: {StorageOptions.ProviderSqlite}.");
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
}
