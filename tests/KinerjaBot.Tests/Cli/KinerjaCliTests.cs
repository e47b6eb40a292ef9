using Kinerja.Testing;
using KinerjaBot.Hosting.Cli;
using KinerjaBot.Tests.Import;
using KinerjaBot.Tests.Rekap;
using KinerjaBot.Tests.Storage;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace KinerjaBot.Tests.Cli;

public sealed class KinerjaCliTests
{
    private sealed record Keluaran(int Kode, string Stdout, string Stderr)
    {
        public List<string> BarisStderr => [.. Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
    }

    private static async Task<Keluaran> Jalankan(string dbPath, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var kode = await KinerjaCli.RunAsync([.. args, $"--Kinerja:Storage:SqlitePath={dbPath}"], stdout, stderr);
        SqliteConnection.ClearAllPools();
        return new Keluaran(kode, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData(true, "import", "x")]
    [InlineData(true, "rekap")]
    [InlineData(true, "--help")]
    [InlineData(false, "--urls", "http://localhost:3978")]
    [InlineData(false)]
    public void IsCommand_HanyaUntukVerbCli(bool diharapkan, params string[] args) => Assert.Equal(diharapkan, KinerjaCli.IsCommand(args));

    [Fact]
    public async Task Help_Exit0_Pemakaian()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, await KinerjaCli.RunAsync(["--help"], stdout, stderr));
        Assert.Contains("KinerjaBot import <folder-csv | workbook.xlsx>", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Berhasil_LaluImporUlangMenyatakanTahunDiganti()
    {
        using var d = new DemoDataset();

        var pertama = await Jalankan(d.DbPath, "import", d.Folder);
        Assert.Equal(0, pertama.Kode);
        Assert.Equal("", pertama.Stderr);
        Assert.Contains("Impor KPPN-METRO berhasil: 5 unit, 25 pegawai, 33 kontrak kinerja, 93 IKU.", pertama.Stdout, StringComparison.Ordinal);
        Assert.Contains("Data tahun 2026 untuk KPPN-METRO ditambahkan.", pertama.Stdout, StringComparison.Ordinal);

        var kedua = await Jalankan(d.DbPath, "import", d.KeXlsx());
        Assert.Equal(0, kedua.Kode);
        Assert.Contains("Data tahun 2026 untuk KPPN-METRO diganti.", kedua.Stdout, StringComparison.Ordinal);
        Assert.Contains("Data tahun 2027 untuk KPPN-METRO diganti.", kedua.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DataSalah_Exit1_SemuaKesalahanDiStderr_StoreTidakBerubah()
    {
        using var d = new DemoDataset();
        Assert.Equal(0, (await Jalankan(d.DbPath, "import", d.Folder)).Kode);
        var hashSebelum = TestStore.HashFile(d.DbPath);
        var isiSebelum = TestStore.DumpDb(d.DbPath);
        var berkasSebelum = Directory.GetFiles(d.Root, "kinerja.db*").Order(StringComparer.Ordinal).ToList();

        using var salah = new DemoDataset();
        var diharapkan = ImportErrorDataset.Buat(salah);
        var hasil = await Jalankan(d.DbPath, "import", salah.Folder);

        Assert.Equal(1, hasil.Kode);
        Assert.Equal("", hasil.Stdout);
        foreach (var (tempat, pesan) in diharapkan)
        {
            Assert.Contains(hasil.BarisStderr, l => l.StartsWith(tempat + ": ", StringComparison.Ordinal) && l.Contains(pesan, StringComparison.Ordinal));
        }

        Assert.Contains($"Impor dibatalkan: {diharapkan.Count} kesalahan; tidak ada data yang disimpan.", hasil.Stderr, StringComparison.Ordinal);
        Assert.Equal(hashSebelum, TestStore.HashFile(d.DbPath));
        Assert.Equal(isiSebelum, TestStore.DumpDb(d.DbPath));
        Assert.Equal(berkasSebelum, Directory.GetFiles(d.Root, "kinerja.db*").Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task RekapData_DataSalah_KesalahanSamaDenganImport_StoreTidakDisentuh()
    {
        using var salah = new DemoDataset();
        ImportErrorDataset.Buat(salah);
        var db = Path.Combine(salah.Root, "tidak-dibuat.db");

        var impor = await Jalankan(db, "import", salah.Folder);
        var rekap = await Jalankan(db, "rekap", "--tahun", "2026", "--periode", "TW3", "--data", salah.Folder);

        Assert.Equal(1, impor.Kode);
        Assert.Equal(1, rekap.Kode);
        Assert.Equal("", rekap.Stdout);
        Assert.Equal(impor.BarisStderr.Where(l => l.Contains(".csv:", StringComparison.Ordinal)),
            rekap.BarisStderr.Where(l => l.Contains(".csv:", StringComparison.Ordinal)));
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("TW1")]
    [InlineData("TW3")]
    public async Task Rekap_DariStore_CsvKeStdoutSamaDenganFixture(string periode)
    {
        using var d = new DemoDataset();
        Assert.Equal(0, (await Jalankan(d.DbPath, "import", d.Folder)).Kode);

        var hasil = await Jalankan(d.DbPath, "rekap", "--tahun", "2026", "--periode", periode);

        Assert.Equal(0, hasil.Kode);
        Assert.Equal("", hasil.Stderr);
        RekapFixture.SamaDenganFixture(periode, hasil.Stdout);
        Assert.Equal(File.ReadAllText(RepoPaths.ExpectedRekap(periode)).Replace("\r\n", "\n", StringComparison.Ordinal), hasil.Stdout);
    }

    [Fact]
    public async Task RekapData_TanpaStore_XlsxKeBerkas()
    {
        using var d = new DemoDataset();
        var db = Path.Combine(d.Root, "tidak-dibuat.db");
        var keluar = Path.Combine(d.Root, "rekap.xlsx");

        var hasil = await Jalankan(db, "rekap", "--tahun", "2026", "--periode", "TW2", "--kantor", "kppn-metro", "--data", d.Folder, "--format", "xlsx", "--out", keluar);

        Assert.Equal(0, hasil.Kode);
        Assert.False(File.Exists(db));
        var rows = MiniExcel.Query(keluar, useHeaderRow: true, sheetName: "rekap").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(26, rows.Count);
        Assert.Equal(102.84, (double)rows[0]["nko"]!, 2);
    }

    [Fact]
    public async Task Rekap_StoreKosong_Exit1()
    {
        using var d = new DemoDataset();
        var hasil = await Jalankan(d.DbPath, "rekap", "--tahun", "2026", "--periode", "TW3");
        Assert.Equal(1, hasil.Kode);
        Assert.Contains("Belum ada data kantor", hasil.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format xlsx perlu --out", "rekap", "--tahun", "2026", "--periode", "TW3", "--format", "xlsx")]
    [InlineData("--periode 'TW5' tidak dikenal", "rekap", "--tahun", "2026", "--periode", "TW5")]
    [InlineData("--tahun wajib diisi", "rekap", "--periode", "TW3")]
    [InlineData("--tahun 'dua ribu' harus tahun 2000–2100", "rekap", "--tahun", "dua ribu", "--periode", "TW3")]
    [InlineData("opsi --bulan tidak dikenal", "rekap", "--tahun", "2026", "--periode", "TW3", "--bulan", "7")]
    [InlineData("--format 'pdf' tidak dikenal", "rekap", "--tahun", "2026", "--periode", "TW3", "--format", "pdf")]
    [InlineData("import perlu satu folder CSV atau workbook .xlsx", "import")]
    [InlineData("import menerima satu path, bukan 2", "import", "a", "b")]
    [InlineData("tidak ditemukan", "import", "/tidak/ada/folder")]
    [InlineData("import tidak mengenal opsi --tahun", "import", ".", "--tahun", "2026")]
    public async Task ArgumenSalah_Exit2_PesanDanPemakaian(string pesan, params string[] args)
    {
        using var d = new DemoDataset();
        var hasil = await Jalankan(d.DbPath, args);
        Assert.Equal(2, hasil.Kode);
        Assert.Contains(pesan, hasil.Stderr, StringComparison.Ordinal);
        Assert.Contains("Pemakaian:", hasil.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(d.DbPath));
    }

    [Fact]
    public async Task KonfigurasiTidakValid_Exit3()
    {
        using var d = new DemoDataset();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var kode = await KinerjaCli.RunAsync(["import", d.Folder, "--Kinerja:Storage:Provider=mongodb"], stdout, stderr);
        Assert.Equal(3, kode);
        Assert.Contains("Kinerja:Storage:Provider 'mongodb' tidak dikenal; yang didukung: sqlite, tables.", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rekap_MemakaiKebijakanKantorYangSamaDenganBot()
    {
        // An office override of the NKP weights (domain.md §9) changes the recap exactly as it changes the cards.
        using var d = new DemoDataset();
        var kebijakan = Path.Combine(d.Root, "kebijakan-kantor.json");
        await File.WriteAllTextAsync(kebijakan, """{ "nkp": { "bobotCkp": 70, "bobotNp": 30 } }""");

        var hasil = await Jalankan(d.DbPath, "rekap", "--tahun", "2026", "--periode", "TW3", "--data", d.Folder, $"--Kinerja:Kebijakan:Override={kebijakan}");

        Assert.Equal(0, hasil.Kode);
        var bagus = hasil.Stdout.Split('\n').Single(l => l.Contains("198211052003121004", StringComparison.Ordinal)).Split(',');
        Assert.Equal("101.02", bagus[3]);
        Assert.Equal("91.92", bagus[5]); // 101.02 × 70% + 70.69 × 30%, not the kmk467 88.89
    }

    [Fact]
    public async Task Rekap_KebijakanKantorTidakValid_Exit3MenyebutKunci()
    {
        using var d = new DemoDataset();
        var kebijakan = Path.Combine(d.Root, "kebijakan-kantor.json");
        await File.WriteAllTextAsync(kebijakan, """{ "nkp": { "bobotCkp": 70 } }""");

        var hasil = await Jalankan(d.DbPath, "rekap", "--tahun", "2026", "--periode", "TW3", "--data", d.Folder, $"--Kinerja:Kebijakan:Override={kebijakan}");

        Assert.Equal(3, hasil.Kode);
        Assert.Contains("nkp: bobotCkp + bobotNp harus 100", hasil.Stderr, StringComparison.Ordinal);
    }
}
