using System.Globalization;
using Azure.Data.Tables;
using KinerjaBot.Storage;
using KinerjaBot.Storage.Salin;
using KinerjaBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting.Cli;

/// <summary>
/// <c>store copy</c>: moves every port's data from one store to another (an office's pilot on SQLite to the shared Azure
/// Tables account, or back), through the copiers registered as <see cref="IPenyalinStore"/>, then verifies per entity
/// that everything of the source is in the target unchanged. Idempotent: a second run copies nothing and verifies
/// again. <c>store gc</c>: removes superseded generations an interrupted office save left in Azure Tables
/// (<see cref="TableGc"/>).
/// </summary>
internal static class StoreCli
{
    public const string Verb = "store";

    public const string Pemakaian = """
          KinerjaBot store copy --from sqlite:<berkas.db> | tables:<connection string | https://akun.table.core.windows.net/>
                                --to   sqlite:<berkas.db> | tables:<…>
              Salin semua data dari satu store ke store lain, port demi port: kantor (unit, pegawai, kontrak,
              IKU, target, realisasi, perilaku, inisiatif), alur SKP dan jejak audit, penugasan Plt./Plh.,
              pengguna, percakapan, kartu SKP, dialog kinerja dan tindak lanjut, penundaan dialog, dan buku
              pengiriman (hasil setiap pesan terjadwal); lalu cocokkan jumlah per entitas. Aman diulang: yang
              sudah sama tidak disalin lagi. Tabel Azure: {awalan}Kantor, Kontrak, Pengguna, Percakapan,
              KartuSkp, Dialog, Pengiriman; awalan dari Kinerja:Storage:TablesPrefix. Endpoint https memakai
              Kinerja:Storage:TablesManagedIdentityClientId atau DefaultAzureCredential.
          KinerjaBot store gc [--di tables:<…>] [--umur-menit 60]
              Hapus partisi generasi lama Azure Tables yang tidak dipakai lagi (sisa impor yang terputus) dan
              baris indeks email yang tidak diklaim pegawai. Partisi yang lebih muda dari --umur-menit disimpan
              (mungkin impor yang sedang berjalan). Tanpa --di, store dari konfigurasi.
        """;

    public static string? Periksa(string? sub, IReadOnlyDictionary<string, string> opsi) => sub switch
    {
        "copy" => !opsi.ContainsKey("from") || !opsi.ContainsKey("to")
            ? "store copy perlu --from dan --to (sqlite:<berkas> atau tables:<koneksi>)"
            : Lain(opsi, ["from", "to"]) ?? PeriksaSpek(opsi["from"], "--from") ?? PeriksaSpek(opsi["to"], "--to")
              ?? (string.Equals(opsi["from"].Trim(), opsi["to"].Trim(), StringComparison.Ordinal) ? "--from dan --to menunjuk store yang sama" : null),
        "gc" => Lain(opsi, ["di", "umur-menit"])
                ?? (opsi.TryGetValue("di", out var di) ? PeriksaSpek(di, "--di") ?? (di.StartsWith("tables:", StringComparison.Ordinal) ? null : "store gc hanya untuk tables:") : null)
                ?? (opsi.TryGetValue("umur-menit", out var umur) && (!int.TryParse(umur, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1)
                    ? $"--umur-menit '{umur}' harus bilangan bulat ≥ 1"
                    : null),
        null => "store perlu copy atau gc",
        _ => $"store tidak mengenal '{sub}' (copy, gc)",
    };

    public static async Task<int> RunAsync(IServiceProvider host, IConfiguration configuration, string sub, IReadOnlyDictionary<string, string> opsi,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        return sub == "gc"
            ? await GcAsync(host, configuration, opsi, stdout, stderr, cancellationToken).ConfigureAwait(false)
            : await CopyAsync(host, configuration, opsi["from"], opsi["to"], stdout, stderr, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CopyAsync(IServiceProvider host, IConfiguration configuration, string from, string to, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        if (from.StartsWith("sqlite:", StringComparison.Ordinal) && !File.Exists(Path.GetFullPath(from["sqlite:".Length..].Trim())))
        {
            await stderr.WriteLineAsync($"Berkas SQLite sumber tidak ada: {Path.GetFullPath(from["sqlite:".Length..].Trim())}").ConfigureAwait(false);
            return KinerjaCli.ExitGagal;
        }

        await using var dari = Buka(configuration, from);
        await using var ke = Buka(configuration, to);
        if (!await ValidAsync(dari, "--from", stderr).ConfigureAwait(false) || !await ValidAsync(ke, "--to", stderr).ConfigureAwait(false))
        {
            return KinerjaCli.ExitKonfigurasi;
        }

        var id = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync($"Salin {Sebut(from)} -> {Sebut(to)}").ConfigureAwait(false);
        var semua = true;
        foreach (var penyalin in host.GetServices<IPenyalinStore>().OrderBy(p => p.Urutan))
        {
            var laporan = await penyalin.SalinAsync(dari, ke, cancellationToken).ConfigureAwait(false);
            semua &= laporan.Terverifikasi;
            await stdout.WriteLineAsync($"{laporan.Port}:").ConfigureAwait(false);
            foreach (var j in laporan.Jumlah)
            {
                await stdout.WriteLineAsync(string.Create(id,
                    $"  {j.Entitas,-18} sumber {j.Sumber,7}  disalin {j.Disalin,7}  tujuan {j.Tujuan,7}  cocok {j.Cocok,7}  {(j.Terverifikasi ? "OK" : "BEDA")}"))
                    .ConfigureAwait(false);
            }

            foreach (var kunci in laporan.Berbeda.Take(20))
            {
                await stderr.WriteLineAsync($"  {laporan.Port} {kunci}: isi di tujuan berbeda dari sumber").ConfigureAwait(false);
            }
        }

        await (semua ? stdout : stderr).WriteLineAsync(semua
            ? "Terverifikasi: setiap entitas sumber ada di tujuan dengan isi yang sama."
            : "Tidak terverifikasi: ada entitas sumber yang tidak sama di tujuan (lihat BEDA di atas).").ConfigureAwait(false);
        return semua ? KinerjaCli.ExitBerhasil : KinerjaCli.ExitGagal;
    }

    private static async Task<int> GcAsync(IServiceProvider host, IConfiguration configuration, IReadOnlyDictionary<string, string> opsi, TextWriter stdout,
        TextWriter stderr, CancellationToken cancellationToken)
    {
        var umur = TimeSpan.FromMinutes(opsi.TryGetValue("umur-menit", out var m) ? int.Parse(m, CultureInfo.InvariantCulture) : 60);
        await using var lain = opsi.TryGetValue("di", out var di) ? Buka(configuration, di) : null;
        var store = (IServiceProvider?)lain ?? host;
        if (lain is not null && !await ValidAsync(lain, "--di", stderr).ConfigureAwait(false))
        {
            return KinerjaCli.ExitKonfigurasi;
        }

        if (!store.GetRequiredService<IOptions<StorageOptions>>().Value.PakaiTables)
        {
            await stderr.WriteLineAsync("store gc hanya untuk Azure Tables (Kinerja:Storage:Provider = tables, atau --di tables:<…>); SQLite tidak meninggalkan sisa.")
                .ConfigureAwait(false);
            return KinerjaCli.ExitArgumen;
        }

        var hasil = await store.GetRequiredService<TableGc>().KumpulkanAsync(umur, cobaSaja: false, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Partisi generasi diperiksa: {hasil.PartisiDiperiksa}; dihapus: {hasil.PartisiDihapus} ({hasil.EntitasDihapus} entitas); "
            + $"baris email dihapus: {hasil.EmailDihapus}; terlalu baru (disimpan): {hasil.TerlaluBaru}.")).ConfigureAwait(false);
        return KinerjaCli.ExitBerhasil;
    }

    /// <summary>The stores of one side: the host's configuration with the provider and its location replaced.</summary>
    private static ServiceProvider Buka(IConfiguration configuration, string spek)
    {
        var nilai = new Dictionary<string, string?>();
        var isi = spek[(spek.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        if (spek.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            nilai["Kinerja:Storage:Provider"] = StorageOptions.ProviderSqlite;
            nilai["Kinerja:Storage:SqlitePath"] = Path.GetFullPath(isi);
        }
        else
        {
            nilai["Kinerja:Storage:Provider"] = StorageOptions.ProviderTables;
            var endpoint = isi.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || isi.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
            nilai["Kinerja:Storage:TablesConnectionString"] = endpoint ? "" : isi;
            nilai["Kinerja:Storage:TablesEndpoint"] = endpoint ? isi : "";
            if (!endpoint)
            {
                nilai["Kinerja:Storage:TablesManagedIdentityClientId"] = "";
            }
        }

        var gabungan = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(nilai).Build();
        return new ServiceCollection().AddLogging().AddKinerjaStorage(gabungan).BuildServiceProvider();
    }

    private static async Task<bool> ValidAsync(IServiceProvider store, string sisi, TextWriter stderr)
    {
        try
        {
            _ = store.GetRequiredService<IOptions<StorageOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync($"Store {sisi} tidak valid:").ConfigureAwait(false);
            foreach (var f in e.Failures)
            {
                await stderr.WriteLineAsync("  " + f).ConfigureAwait(false);
            }

            return false;
        }
    }

    private static string? PeriksaSpek(string spek, string opsi)
    {
        var t = spek.Trim();
        if (t.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            return t.Length > "sqlite:".Length ? null : $"{opsi} sqlite: perlu path berkas, mis. sqlite:data/kinerja.db";
        }

        return t.StartsWith("tables:", StringComparison.Ordinal)
            ? (t.Length > "tables:".Length ? null : $"{opsi} tables: perlu connection string atau endpoint, mis. tables:UseDevelopmentStorage=true")
            : $"{opsi} '{spek}' harus sqlite:<berkas> atau tables:<koneksi>";
    }

    /// <summary>How a store is named in the output: never an account key.</summary>
    private static string Sebut(string spek)
    {
        if (!spek.StartsWith("tables:", StringComparison.Ordinal))
        {
            return "sqlite:" + Path.GetFullPath(spek["sqlite:".Length..].Trim());
        }

        var isi = spek["tables:".Length..].Trim();
        if (isi.StartsWith("http", StringComparison.OrdinalIgnoreCase) || isi.StartsWith("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase))
        {
            return "tables:" + isi;
        }

        try
        {
            return $"tables:akun {new TableServiceClient(isi).AccountName} ({new TableServiceClient(isi).Uri.GetLeftPart(UriPartial.Authority)})";
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return "tables:(connection string)";
        }
    }

    private static string? Lain(IReadOnlyDictionary<string, string> opsi, string[] dikenal) =>
        opsi.Keys.FirstOrDefault(o => !dikenal.Contains(o, StringComparer.Ordinal)) is { } lain ? $"store tidak mengenal opsi --{lain}" : null;
}
