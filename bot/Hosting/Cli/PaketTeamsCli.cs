using System.Globalization;
using KinerjaBot.TeamsApp;

namespace KinerjaBot.Hosting.Cli;

/// <summary>
/// <c>paket-teams</c>: the Teams app zip for the organisation's catalog, from options or configuration
/// (<c>MicrosoftAppId</c>, <c>Kinerja:PaketTeams:*</c>); an option wins over configuration. Storage and the scoring
/// policy are not touched, so an administrator can build the package on any machine. An invalid value or package is
/// never written: exit 2 for a bad value, 1 when the package itself fails its checks or cannot be written.
/// </summary>
internal static class PaketTeamsCli
{
    public const string Verb = "paket-teams";
    public const string Section = "Kinerja:PaketTeams";
    public const string DefaultOut = "kinerjabot-teams.zip";

    /// <summary>Every option, and the configuration key each falls back to (null: none).</summary>
    private static readonly Dictionary<string, string?> OpsiDanKunci = new(StringComparer.Ordinal)
    {
        ["app-id"] = "MicrosoftAppId",
        ["domain"] = $"{Section}:Domain",
        ["manifest-id"] = $"{Section}:ManifestId",
        ["versi"] = $"{Section}:Versi",
        ["developer"] = $"{Section}:Developer",
        ["situs"] = $"{Section}:Situs",
        ["privasi"] = $"{Section}:Privasi",
        ["ketentuan"] = $"{Section}:Ketentuan",
        ["out"] = null,
    };

    public static IReadOnlyCollection<string> Opsi => OpsiDanKunci.Keys;

    public static async Task<int> RunAsync(ArgumenCli argumen, TextWriter stdout, TextWriter stderr)
    {
        var configuration = KinerjaCli.BuatBuilder([.. argumen.ArgsKonfigurasi]).Configuration;
        var dariKonfigurasi = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Nilai(string opsi)
        {
            if (argumen.Opsi.TryGetValue(opsi, out var v))
            {
                return v;
            }

            if (OpsiDanKunci[opsi] is { } kunci && configuration[kunci] is { Length: > 0 } c)
            {
                dariKonfigurasi[opsi] = kunci;
                return c;
            }

            return null;
        }

        if (Nilai("app-id") is not { } appId)
        {
            return await KinerjaCli.SalahArgumenAsync(stderr, "--app-id wajib diisi: id aplikasi Microsoft Entra bot (atau konfigurasi MicrosoftAppId)")
                .ConfigureAwait(false);
        }

        if (Nilai("domain") is not { } domain)
        {
            return await KinerjaCli.SalahArgumenAsync(stderr, "--domain wajib diisi: nama host bot tanpa https://, mis. kinerjabot.kemenkeu.go.id")
                .ConfigureAwait(false);
        }

        var outPath = argumen.Opsi.GetValueOrDefault("out") ?? DefaultOut;
        if (!outPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return await KinerjaCli.SalahArgumenAsync(stderr, $"--out '{outPath}' harus berkas .zip (Teams admin center hanya menerima .zip)").ConfigureAwait(false);
        }

        if (Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } folder && !Directory.Exists(folder))
        {
            return await KinerjaCli.SalahArgumenAsync(stderr, $"folder untuk --out tidak ada: {folder}").ConfigureAwait(false);
        }

        var settings = new TeamsAppSettings
        {
            AppId = appId,
            Domain = domain,
            ManifestId = Nilai("manifest-id"),
            Version = Nilai("versi") ?? TeamsAppSettings.DefaultVersion,
            DeveloperName = Nilai("developer") ?? TeamsAppSettings.DefaultDeveloperName,
            WebsiteUrl = Nilai("situs") ?? TeamsAppSettings.DefaultWebsiteUrl,
            PrivacyUrl = Nilai("privasi"),
            TermsOfUseUrl = Nilai("ketentuan"),
        };

        var hasil = TeamsAppPackage.Create(settings);
        if (hasil.Package is not { } paket)
        {
            await stderr.WriteLineAsync($"Paket aplikasi Teams tidak ditulis ({hasil.Errors.Count.ToString(CultureInfo.InvariantCulture)} kesalahan):")
                .ConfigureAwait(false);
            foreach (var e in hasil.Errors)
            {
                var sumber = dariKonfigurasi.FirstOrDefault(k => e.StartsWith($"--{k.Key} ", StringComparison.Ordinal)).Value;
                await stderr.WriteLineAsync($"  {e}{(sumber is null ? "" : $" (nilai dari konfigurasi {sumber})")}").ConfigureAwait(false);
            }

            return hasil.SettingsRejected ? KinerjaCli.ExitArgumen : KinerjaCli.ExitGagal;
        }

        foreach (var (opsi, nama) in new[] { ("privasi", "kebijakan privasi"), ("ketentuan", "ketentuan penggunaan") })
        {
            if (Nilai(opsi) is null)
            {
                await stderr.WriteLineAsync($"Peringatan: --{opsi} tidak diisi; halaman {nama} memakai {settings.WebsiteUrl}.").ConfigureAwait(false);
            }
        }

        try
        {
            paket.WriteZip(outPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"Gagal menulis {outPath}: {e.Message}").ConfigureAwait(false);
            return KinerjaCli.ExitGagal;
        }

        var ic = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync($"Paket aplikasi Teams ditulis ke {Path.GetFullPath(outPath)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  manifest.json  skema {TeamsAppPackage.ManifestVersion}, versi aplikasi {paket.Version}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  id manifest    {paket.ManifestId.ToString("D", ic)} (externalId aplikasi di katalog organisasi)").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  app id bot     {paket.AppId.ToString("D", ic)} (bots[0].botId = webApplicationInfo.id)").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  domain         {paket.Domain} (endpoint https://{paket.Domain}/api/messages)").ConfigureAwait(false);
        await stdout.WriteLineAsync("Unggah di Teams admin center: Aplikasi Teams > Kelola aplikasi > Unggah aplikasi baru (docs/deployment.md).")
            .ConfigureAwait(false);
        return KinerjaCli.ExitBerhasil;
    }
}
