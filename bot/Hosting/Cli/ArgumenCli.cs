using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kinerja.Domain.Kinerja;

namespace KinerjaBot.Hosting.Cli;

/// <summary>
/// The verb's own arguments. Options whose name holds a <c>:</c> (<c>--Kinerja:Storage:SqlitePath=…</c>) and the host's
/// <c>--environment</c>/<c>--contentRoot</c>/<c>--applicationName</c> belong to the configuration and are skipped here.
/// </summary>
internal sealed class ArgumenCli
{
    private static readonly string[] OpsiHost = ["environment", "contentroot", "applicationname"];

    public required string Verb { get; init; }

    public bool Bantuan { get; private set; }

    public string? Path { get; private set; }

    public int? Tahun { get; private set; }

    public int? Triwulan { get; private set; }

    public string? Kantor { get; private set; }

    public string? Data { get; private set; }

    public string Format { get; private set; } = "csv";

    public string? Out { get; private set; }

    /// <summary>The options of <c>paket-teams</c> by name (without <c>--</c>); <see cref="PaketTeamsCli"/> reads them.</summary>
    public IReadOnlyDictionary<string, string> Opsi { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The configuration part of the command line, as <c>--key=value</c>: only these reach the host's command-line
    /// configuration source (a path like <c>/data/kantor</c> would otherwise be read as a key there).
    /// </summary>
    public List<string> ArgsKonfigurasi { get; } = [];

    public static bool TryParse(string[] args, [NotNullWhen(true)] out ArgumenCli? hasil, [NotNullWhen(false)] out string? salah)
    {
        hasil = null;
        var a = new ArgumenCli { Verb = args[0] };
        var opsi = new Dictionary<string, string>(StringComparer.Ordinal);
        var posisi = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                a.Bantuan = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                posisi.Add(arg);
                continue;
            }

            var sama = arg.IndexOf('=', StringComparison.Ordinal);
            var nama = sama < 0 ? arg[2..] : arg[2..sama];
            string? nilai = sama < 0 ? null : arg[(sama + 1)..];
            var konfigurasi = nama.Contains(':', StringComparison.Ordinal) || OpsiHost.Contains(nama.ToLowerInvariant(), StringComparer.Ordinal);
            if (nilai is null)
            {
                if (i + 1 >= args.Length || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && !konfigurasi))
                {
                    salah = $"--{nama} perlu nilai";
                    return false;
                }

                nilai = args[++i];
            }

            if (konfigurasi)
            {
                a.ArgsKonfigurasi.Add($"--{nama}={nilai}");
                continue;
            }

            if (!opsi.TryAdd(nama, nilai))
            {
                salah = $"--{nama} diberikan dua kali";
                return false;
            }
        }

        if (a.Bantuan)
        {
            hasil = a;
            salah = null;
            return true;
        }

        salah = a.Verb switch
        {
            "import" => a.Impor(opsi, posisi),
            PaketTeamsCli.Verb => a.PaketTeams(opsi, posisi),
            KinerjaCli.VerbSinkronDirektori => a.SinkronDirektori(opsi, posisi),
            PenugasanCli.Verb => a.Penugasan(opsi, posisi),
            StoreCli.Verb => a.Store(opsi, posisi),
            DialogCli.Verb => a.Dialog(opsi, posisi),
            _ => a.Rekap(opsi, posisi),
        };
        hasil = salah is null ? a : null;
        return salah is null;
    }

    private string? Impor(Dictionary<string, string> opsi, List<string> posisi)
    {
        if (opsi.Count > 0)
        {
            return $"import tidak mengenal opsi --{opsi.Keys.First()}";
        }

        if (posisi.Count != 1)
        {
            return posisi.Count == 0 ? "import perlu satu folder CSV atau workbook .xlsx" : $"import menerima satu path, bukan {posisi.Count.ToString(CultureInfo.InvariantCulture)}";
        }

        Path = posisi[0];
        return Ada(Path);
    }

    /// <summary>The sub-command of <c>penugasan</c> (tambah, daftar, hapus).</summary>
    public string? Sub { get; private set; }

    private string? Penugasan(Dictionary<string, string> opsi, List<string> posisi)
    {
        if (posisi.Count > 1)
        {
            return $"penugasan menerima satu perintah, bukan {posisi.Count.ToString(CultureInfo.InvariantCulture)}";
        }

        Sub = posisi.Count == 1 ? posisi[0] : null;
        Opsi = opsi;
        Kantor = opsi.GetValueOrDefault("kantor");
        return PenugasanCli.Periksa(Sub, opsi);
    }

    private string? Store(Dictionary<string, string> opsi, List<string> posisi)
    {
        if (posisi.Count > 1)
        {
            return $"store menerima satu perintah, bukan {posisi.Count.ToString(CultureInfo.InvariantCulture)}";
        }

        Sub = posisi.Count == 1 ? posisi[0] : null;
        Opsi = opsi;
        return StoreCli.Periksa(Sub, opsi);
    }

    private string? Dialog(Dictionary<string, string> opsi, List<string> posisi)
    {
        if (posisi.Count > 1)
        {
            return $"dialog menerima satu perintah, bukan {posisi.Count.ToString(CultureInfo.InvariantCulture)}";
        }

        Sub = posisi.Count == 1 ? posisi[0] : null;
        Opsi = opsi;
        Kantor = opsi.GetValueOrDefault("kantor");
        return DialogCli.Periksa(Sub, opsi);
    }

    private string? SinkronDirektori(Dictionary<string, string> opsi, List<string> posisi)
    {
        if (posisi.Count > 0)
        {
            return $"sinkron-direktori tidak menerima argumen '{posisi[0]}'";
        }

        if (opsi.Keys.FirstOrDefault(n => n != "kantor") is { } lain)
        {
            return $"sinkron-direktori tidak mengenal opsi --{lain}";
        }

        Kantor = opsi.GetValueOrDefault("kantor");
        return null;
    }

    private string? Rekap(Dictionary<string, string> opsi, List<string> posisi)
    {
        if (posisi.Count > 0)
        {
            return $"rekap tidak menerima argumen '{posisi[0]}' (pakai --data untuk data dari berkas)";
        }

        foreach (var nama in opsi.Keys)
        {
            if (nama is not ("tahun" or "periode" or "kantor" or "data" or "format" or "out"))
            {
                return $"opsi --{nama} tidak dikenal";
            }
        }

        if (!opsi.TryGetValue("tahun", out var tahun))
        {
            return "--tahun wajib diisi (mis. --tahun 2026)";
        }

        if (!int.TryParse(tahun, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t is < 2000 or > 2100)
        {
            return $"--tahun '{tahun}' harus tahun 2000–2100";
        }

        Tahun = t;
        if (!opsi.TryGetValue("periode", out var periode))
        {
            return "--periode wajib diisi (TW1, TW2, TW3 atau TW4)";
        }

        if (!Periode.TryParseTriwulan(periode, out var tw))
        {
            return $"--periode '{periode}' tidak dikenal (TW1, TW2, TW3 atau TW4)";
        }

        Triwulan = tw;
        Kantor = opsi.GetValueOrDefault("kantor");
        if (opsi.TryGetValue("format", out var format))
        {
            Format = format.ToLowerInvariant();
            if (Format is not ("csv" or "xlsx"))
            {
                return $"--format '{format}' tidak dikenal (csv atau xlsx)";
            }
        }

        Out = opsi.GetValueOrDefault("out");
        if (Format == "xlsx" && Out is null)
        {
            return "--format xlsx perlu --out BERKAS.xlsx (workbook tidak ditulis ke stdout)";
        }

        if (Out is not null && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Out)) is { } folder && !Directory.Exists(folder))
        {
            return $"folder untuk --out tidak ada: {folder}";
        }

        Data = opsi.GetValueOrDefault("data");
        return Data is null ? null : Ada(Data);
    }

    private string? PaketTeams(Dictionary<string, string> opsi, List<string> posisi)
    {
        if (posisi.Count > 0)
        {
            return $"{PaketTeamsCli.Verb} tidak menerima argumen '{posisi[0]}'";
        }

        if (opsi.Keys.FirstOrDefault(n => !PaketTeamsCli.Opsi.Contains(n, StringComparer.Ordinal)) is { } asing)
        {
            return $"opsi --{asing} tidak dikenal";
        }

        Opsi = opsi;
        return null;
    }

    private static string? Ada(string path) =>
        Directory.Exists(path) || File.Exists(path) ? null : $"folder atau berkas '{path}' tidak ditemukan";
}
