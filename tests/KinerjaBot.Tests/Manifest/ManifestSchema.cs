using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kinerja.Testing;

namespace KinerjaBot.Tests.Manifest;

/// <summary>
/// The official Teams manifest schema check, through <c>tests/tools/manifest-validate.js</c>: the schemas bundled in
/// npm @microsoft/app-manifest@1.1.2 and the package's own ajv validator, offline. Chosen over NJsonSchema because the
/// schema says draft-04 but uses <c>const</c> (a draft-06 keyword) for <c>manifestVersion</c>: NJsonSchema 11.6.2
/// ignores it and accepts a manifest claiming another version; ajv checks it, as the Agents Toolkit does.
/// </summary>
internal static class ManifestSchema
{
    public static string Tools => RepoPaths.TestTools;

    public static string SchemaFile(string version) =>
        Path.Combine(Tools, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{version}", "MicrosoftTeams.schema.json");

    /// <summary>Every schema violation of the manifest (empty when valid), as "/instance/path message. Details: …".</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string manifestJson, string version)
    {
        if (!File.Exists(SchemaFile(version)))
        {
            throw new InvalidOperationException(
                $"Skema resmi v{version} tidak ada: {SchemaFile(version)}. Jalankan `npm ci` di {Tools} (@microsoft/app-manifest@1.1.2).");
        }

        var file = Path.Combine(Path.GetTempPath(), $"kinerjabot-manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, manifestJson, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = Tools,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(Path.Combine(Tools, "manifest-validate.js"));
            start.ArgumentList.Add(version);
            start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (process.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"manifest-validate.js exit {process.ExitCode}: {await stderr}");
            }

            using var answer = JsonDocument.Parse((await stdout).Trim());
            return [.. answer.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? "")];
        }
        finally
        {
            File.Delete(file);
        }
    }
}
