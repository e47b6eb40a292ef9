using System.Globalization;
using System.Text;
using Kinerja.Domain;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using KinerjaBot.Entra;
using KinerjaBot.Import;
using KinerjaBot.Rekap;
using KinerjaBot.Storage;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting.Cli;

/// <summary>
/// The coordinators' verbs, run without the web host but with its configuration sources (appsettings.json,
/// appsettings.{Environment}.json, environment variables, command line) and its storage registration:
/// <c>import</c> (all or nothing), <c>rekap</c> (CSV or xlsx) and <c>sinkron-direktori</c> (Entra ID check); and the
/// administrators' <c>paket-teams</c> (the Teams app zip, <see cref="PaketTeamsCli"/>, which needs no storage). Exit
/// codes: 0 success, 1 invalid data or a failure, 2 bad arguments, 3 invalid configuration. Errors go to stderr,
/// results to stdout.
/// </summary>
public static class KinerjaCli
{
    public const int ExitBerhasil = 0;
    public const int ExitGagal = 1;
    public const int ExitArgumen = 2;
    public const int ExitKonfigurasi = 3;

    public const string VerbSinkronDirektori = "sinkron-direktori";

    private static readonly string[] Bantuan = ["--help", "-h", "help", "bantuan"];

    public const string Pemakaian = """
        Pemakaian:
          KinerjaBot import <folder-csv | workbook.xlsx>
              Impor data kantor, semua atau tidak sama sekali. Setiap kesalahan ditulis sebagai
              berkas:baris: kolom: masalah. Data tahun yang ada di berkas menggantikan data tahun itu;
              tahun lain tetap.
          KinerjaBot rekap --tahun 2026 --periode TW3 [--kantor KODE] [--data <folder-csv | workbook.xlsx>]
                           [--format csv|xlsx] [--out BERKAS]
              Rekap nilai (NKO, CKP, NP, NKP, predikat) s.d. akhir triwulan. Tanpa --out, CSV ditulis ke
              stdout; xlsx wajib memakai --out. Dengan --data, data itu divalidasi seperti import lalu
              dinilai tanpa menyentuh basis data. Tanpa --data, data dibaca dari basis data (--kantor
              boleh dilewati bila hanya ada satu kantor).
          KinerjaBot paket-teams --app-id <GUID> --domain <host> [--versi 1.0.0] [--out kinerjabot-teams.zip]
                                 [--manifest-id <GUID>] [--developer NAMA] [--situs URL] [--privasi URL] [--ketentuan URL]
              Paket aplikasi Teams (zip berisi manifest.json, color.png, outline.png) untuk diunggah di Teams admin
              center. --app-id adalah id aplikasi Microsoft Entra bot (bawaan: konfigurasi MicrosoftAppId); --domain
              nama host bot tanpa https:// (endpoint https://<host>/api/messages). Tanpa --manifest-id, id manifest
              diturunkan tetap dari app id. Opsi lain juga dapat diisi lewat Kinerja:PaketTeams:<Opsi>. Lihat
              docs/deployment.md.
          KinerjaBot sinkron-direktori [--kantor KODE]
              Cocokkan pegawai dengan akun Entra ID (NIP di employeeId, lalu email), ingat akun Teams
              tiap pegawai, dan laporkan selisih atasan (nip_atasan) dengan manajer di Entra ID. Data
              kantor tetap acuan: tidak ada yang diubah. Tanpa --kantor, semua kantor. Perlu
              Kinerja:Graph (atau MicrosoftAppTenantId, MicrosoftAppId, MicrosoftAppPassword).
        """ + "\n" + PenugasanCli.Pemakaian + "\n" + StoreCli.Pemakaian + "\n" + DialogCli.Pemakaian + "\n" + """
          KinerjaBot --help
        Konfigurasi: appsettings.json, appsettings.{Environment}.json, variabel lingkungan, baris perintah
          (mis. --Kinerja:Storage:SqlitePath=data/kinerja.db).
        Kode keluar: 0 berhasil, 1 data tidak valid atau gagal, 2 argumen salah, 3 konfigurasi tidak valid.
        """;

    /// <summary>True when the arguments name a verb of this CLI (the web host is not started then).</summary>
    public static bool IsCommand(string[] args) =>
        args is { Length: > 0 } && (args[0] is "import" or "rekap" or VerbSinkronDirektori or PaketTeamsCli.Verb or PenugasanCli.Verb or StoreCli.Verb or DialogCli.Verb || Bantuan.Contains(args[0], StringComparer.Ordinal));

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Runs a verb with the given writers (tests capture them).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, null, cancellationToken);

    /// <summary>The same, with registrations replaced after the host's own (tests put a fake Graph behind the directory).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? layanan,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (args.Length == 0 || Bantuan.Contains(args[0], StringComparer.Ordinal))
        {
            await stdout.WriteLineAsync(Pemakaian).ConfigureAwait(false);
            return args.Length == 0 ? ExitArgumen : ExitBerhasil;
        }

        if (!ArgumenCli.TryParse(args, out var argumen, out var salah))
        {
            return await SalahArgumenAsync(stderr, salah).ConfigureAwait(false);
        }

        if (argumen.Bantuan)
        {
            await stdout.WriteLineAsync(Pemakaian).ConfigureAwait(false);
            return ExitBerhasil;
        }

        if (argumen.Verb == PaketTeamsCli.Verb)
        {
            return await PaketTeamsCli.RunAsync(argumen, stdout, stderr).ConfigureAwait(false);
        }

        using var host = BuatHost([.. argumen.ArgsKonfigurasi], layanan);
        try
        {
            _ = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = host.Services.GetRequiredService<KebijakanPenilaian>();
            if (argumen.Verb == VerbSinkronDirektori && !host.Services.GetRequiredService<IDirectory>().Tersedia)
            {
                await stderr.WriteLineAsync("Konfigurasi tidak valid:").ConfigureAwait(false);
                await stderr.WriteLineAsync("  " + GraphOptions.PesanBelumDikonfigurasi).ConfigureAwait(false);
                return ExitKonfigurasi;
            }
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync("Konfigurasi tidak valid:").ConfigureAwait(false);
            foreach (var f in e.Failures)
            {
                await stderr.WriteLineAsync("  " + f).ConfigureAwait(false);
            }

            return ExitKonfigurasi;
        }
        catch (KebijakanTidakValidException e)
        {
            await stderr.WriteLineAsync("Konfigurasi tidak valid:").ConfigureAwait(false);
            foreach (var f in e.Kesalahan)
            {
                await stderr.WriteLineAsync("  " + f).ConfigureAwait(false);
            }

            return ExitKonfigurasi;
        }

        try
        {
            return argumen.Verb switch
            {
                "import" => await ImporAsync(host.Services, argumen, stdout, stderr, cancellationToken).ConfigureAwait(false),
                VerbSinkronDirektori => await SinkronDirektoriAsync(host.Services, argumen, stdout, stderr, cancellationToken).ConfigureAwait(false),
                PenugasanCli.Verb => await PenugasanCli.RunAsync(host.Services.GetRequiredService<IKantorStore>(), host.Services.GetRequiredService<IKontrakStore>(),
                    argumen.Sub!, argumen.Opsi, stdout, stderr, cancellationToken,
                    KoordinatorOptions.Layanan(host.Services.GetRequiredService<IConfiguration>())).ConfigureAwait(false),
                StoreCli.Verb => await StoreCli.RunAsync(host.Services, host.Services.GetRequiredService<IConfiguration>(), argumen.Sub!, argumen.Opsi,
                    stdout, stderr, cancellationToken).ConfigureAwait(false),
                DialogCli.Verb => await DialogCli.RunAsync(host.Services, argumen.Sub!, argumen.Opsi, stdout, stderr, cancellationToken).ConfigureAwait(false),
                _ => await RekapAsync(host.Services, argumen, stdout, stderr, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (Exception e) when (e is DomainException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException
                                      or Azure.RequestFailedException
                                      or InvalidOperationException or DirektoriException)
        {
            await stderr.WriteLineAsync($"Gagal: {e.Message}").ConfigureAwait(false);
            return ExitGagal;
        }
    }

    private static IHost BuatHost(string[] args, Action<IServiceCollection>? layanan)
    {
        var builder = BuatBuilder(args);

        // stdout carries the recap: logs go to stderr, and only warnings and above.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);

        builder.Services.AddKinerjaStorage(builder.Configuration);
        // The same scoring policy as the bot (preset and office override), so a recap and a card never disagree.
        builder.Services.AddKinerjaKebijakan(builder.Configuration);
        builder.Services.AddKinerjaImport();
        builder.Services.AddKinerjaDirectory(builder.Configuration);
        layanan?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>The web app's configuration sources; ASPNETCORE_ENVIRONMENT picks appsettings.{Environment}.json.</summary>
    internal static HostApplicationBuilder BuatBuilder(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["hostBuilder:reloadConfigOnChange"] = "false" });
        configuration.AddEnvironmentVariables(prefix: "ASPNETCORE_");
        return Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            Configuration = configuration,
            ApplicationName = typeof(KinerjaCli).Assembly.GetName().Name,
        });
    }

    private static async Task<int> ImporAsync(IServiceProvider services, ArgumenCli argumen, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var importer = services.GetRequiredService<KantorImporter>();
        var hasil = await importer.CobaImporAsync(argumen.Path!, cancellationToken).ConfigureAwait(false);
        if (!await TulisMasalahAsync(hasil.Bacaan, stderr).ConfigureAwait(false))
        {
            await stderr.WriteLineAsync(
                $"Impor dibatalkan: {hasil.Bacaan.Errors.Count.ToString(CultureInfo.InvariantCulture)} kesalahan; tidak ada data yang disimpan.")
                .ConfigureAwait(false);
            return ExitGagal;
        }

        foreach (var baris in KantorImporter.Ringkasan(hasil.Simpan!))
        {
            await stdout.WriteLineAsync(baris).ConfigureAwait(false);
        }

        return ExitBerhasil;
    }

    private static async Task<int> RekapAsync(IServiceProvider services, ArgumenCli argumen, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var reader = services.GetRequiredService<DataKantorReader>();
        var kebijakan = reader.Kebijakan;
        DataKantor data;
        if (argumen.Data is { } path)
        {
            // Exactly the import's validation: same errors, same exit code; the store is never opened.
            var bacaan = reader.Read(path);
            if (!await TulisMasalahAsync(bacaan, stderr).ConfigureAwait(false))
            {
                await stderr.WriteLineAsync(
                    $"Rekap dibatalkan: {bacaan.Errors.Count.ToString(CultureInfo.InvariantCulture)} kesalahan pada data.").ConfigureAwait(false);
                return ExitGagal;
            }

            data = bacaan.Data!;
            if (argumen.Kantor is { } k && !string.Equals(k, data.KodeKantor, StringComparison.OrdinalIgnoreCase))
            {
                return await SalahArgumenAsync(stderr, $"--kantor {k} tidak cocok dengan data {path} (kantor {data.KodeKantor})").ConfigureAwait(false);
            }
        }
        else
        {
            var store = services.GetRequiredService<IKantorStore>();
            var kantor = await store.DaftarKantorAsync(cancellationToken).ConfigureAwait(false);
            string kode;
            if (argumen.Kantor is { } k)
            {
                kode = k;
            }
            else if (kantor.Count == 1)
            {
                kode = kantor[0];
            }
            else if (kantor.Count == 0)
            {
                await stderr.WriteLineAsync("Belum ada data kantor di basis data; jalankan 'import' dulu atau pakai --data.").ConfigureAwait(false);
                return ExitGagal;
            }
            else
            {
                return await SalahArgumenAsync(stderr, $"ada {kantor.Count.ToString(CultureInfo.InvariantCulture)} kantor ({string.Join(", ", kantor)}); pilih dengan --kantor")
                    .ConfigureAwait(false);
            }

            // The targets in force: approved SKP revisions and adenda on top of the imported ones.
            var dimuat = await services.GetRequiredService<DataPenilaian>().MuatAsync(kode, cancellationToken).ConfigureAwait(false);
            if (dimuat is null)
            {
                await stderr.WriteLineAsync($"Kantor {kode} tidak ada di basis data (yang ada: {(kantor.Count == 0 ? "-" : string.Join(", ", kantor))}).")
                    .ConfigureAwait(false);
                return ExitGagal;
            }

            data = dimuat;
        }

        var periode = new Periode(argumen.Tahun!.Value, argumen.Triwulan!.Value);
        if (!data.TahunKontrak.Contains(periode.Tahun))
        {
            await stderr.WriteLineAsync($"Peringatan: {data.KodeKantor} tidak punya kontrak kinerja tahun {periode.Tahun.ToString(CultureInfo.InvariantCulture)}.")
                .ConfigureAwait(false);
        }

        var rekap = new Penilai(kebijakan).Rekap(data, periode);
        if (argumen.Format == "xlsx")
        {
            await using var file = File.Create(argumen.Out!);
            RekapExport.TulisXlsx(rekap, kebijakan, file);
        }
        else if (argumen.Out is { } outPath)
        {
            await using var writer = new StreamWriter(outPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            RekapExport.TulisCsv(rekap, kebijakan, writer);
        }
        else
        {
            RekapExport.TulisCsv(rekap, kebijakan, stdout);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (argumen.Out is not null)
        {
            await stderr.WriteLineAsync($"Rekap {data.KodeKantor} {periode.Label} ditulis ke {argumen.Out}.").ConfigureAwait(false);
        }

        return ExitBerhasil;
    }

    private static async Task<int> SinkronDirektoriAsync(IServiceProvider services, ArgumenCli argumen, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IKantorStore>();
        var kantor = await store.DaftarKantorAsync(cancellationToken).ConfigureAwait(false);
        if (kantor.Count == 0)
        {
            await stderr.WriteLineAsync("Belum ada data kantor di basis data; jalankan 'import' dulu.").ConfigureAwait(false);
            return ExitGagal;
        }

        IReadOnlyList<string> dipilih = kantor;
        if (argumen.Kantor is { } k)
        {
            if (kantor.FirstOrDefault(x => string.Equals(x, k, StringComparison.OrdinalIgnoreCase)) is not { } ada)
            {
                await stderr.WriteLineAsync($"Kantor {k} tidak ada di basis data (yang ada: {string.Join(", ", kantor)}).").ConfigureAwait(false);
                return ExitGagal;
            }

            dipilih = [ada];
        }

        var sinkron = services.GetRequiredService<SinkronDirektori>();
        foreach (var kode in dipilih)
        {
            var laporan = await sinkron.SinkronAsync(kode, cancellationToken).ConfigureAwait(false);
            foreach (var baris in laporan.Baris())
            {
                await stdout.WriteLineAsync(baris).ConfigureAwait(false);
            }
        }

        return ExitBerhasil;
    }

    /// <summary>Warnings then errors to stderr; true when there is no error.</summary>
    private static async Task<bool> TulisMasalahAsync(ImportResult bacaan, TextWriter stderr)
    {
        foreach (var w in bacaan.Warnings)
        {
            await stderr.WriteLineAsync((w with { Message = "peringatan: " + w.Message }).ToString()).ConfigureAwait(false);
        }

        foreach (var e in bacaan.Errors)
        {
            await stderr.WriteLineAsync(e.ToString()).ConfigureAwait(false);
        }

        return bacaan.Success;
    }

    internal static async Task<int> SalahArgumenAsync(TextWriter stderr, string pesan)
    {
        await stderr.WriteLineAsync($"Argumen salah: {pesan}").ConfigureAwait(false);
        await stderr.WriteLineAsync().ConfigureAwait(false);
        await stderr.WriteLineAsync(Pemakaian).ConfigureAwait(false);
        return ExitArgumen;
    }
}
