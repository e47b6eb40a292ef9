using System.IO.Compression;
using System.Text.Json.Nodes;
using KinerjaBot.Hosting.Cli;

namespace KinerjaBot.Tests.Manifest;

/// <summary><c>KinerjaBot paket-teams</c>: writes a valid package or nothing, with Bahasa Indonesia messages.</summary>
public sealed class PaketTeamsCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kinerjabot-paket-").FullName;

    private sealed record Keluaran(int Kode, string Stdout, string Stderr);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<Keluaran> Jalankan(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var kode = await KinerjaCli.RunAsync(args, stdout, stderr);
        return new Keluaran(kode, stdout.ToString(), stderr.ToString());
    }

    private string Out => Path.Combine(_folder, "kinerjabot-teams.zip");

    [Fact]
    public void IsCommand_PaketTeams() => Assert.True(KinerjaCli.IsCommand(["paket-teams", "--app-id", Paket.AppId]));

    [Fact]
    public async Task PaketTeams_Berhasil_ZipDitulisDanDiringkas()
    {
        var hasil = await Jalankan("paket-teams", "--app-id", Paket.AppId, "--domain", Paket.Domain, "--versi", "1.2.0", "--out", Out,
            "--privasi", "https://www.kemenkeu.go.id/privasi", "--ketentuan", "https://www.kemenkeu.go.id/ketentuan");

        Assert.Equal(0, hasil.Kode);
        Assert.Equal("", hasil.Stderr);
        Assert.Contains($"Paket aplikasi Teams ditulis ke {Out}", hasil.Stdout, StringComparison.Ordinal);
        Assert.Contains("id manifest    94753a4c-b865-56a2-9bb9-5b99d43f38f7", hasil.Stdout, StringComparison.Ordinal);
        var entries = Paket.Entries(await File.ReadAllBytesAsync(Out));
        Assert.Equal(["manifest.json", "color.png", "outline.png"], entries.Keys);
        var manifest = JsonNode.Parse(entries["manifest.json"])!;
        Assert.Equal("1.2.0", (string?)manifest["version"]);
        Assert.Equal(Paket.AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Empty(await ManifestSchema.ValidateAsync(System.Text.Encoding.UTF8.GetString(entries["manifest.json"]), "1.29"));
        Assert.False(File.Exists(Out + ".tmp"));
    }

    [Fact]
    public async Task PaketTeams_TanpaPrivasi_PeringatanDanSitusDipakai()
    {
        var hasil = await Jalankan("paket-teams", "--app-id", Paket.AppId, "--domain", Paket.Domain, "--out", Out);

        Assert.Equal(0, hasil.Kode);
        Assert.Contains("Peringatan: --privasi tidak diisi; halaman kebijakan privasi memakai https://www.kemenkeu.go.id.", hasil.Stderr, StringComparison.Ordinal);
        Assert.Contains("Peringatan: --ketentuan tidak diisi; halaman ketentuan penggunaan memakai https://www.kemenkeu.go.id.", hasil.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaketTeams_DomainDariKonfigurasi()
    {
        var hasil = await Jalankan("paket-teams", "--app-id", Paket.AppId, "--out", Out, "--Kinerja:PaketTeams:Domain=bot.kemenkeu.go.id");

        Assert.Equal(0, hasil.Kode);
        using var zip = ZipFile.OpenRead(Out);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal("bot.kemenkeu.go.id", (string?)JsonNode.Parse(await reader.ReadToEndAsync())!["validDomains"]![0]);
    }

    [Fact]
    public async Task PaketTeams_NilaiSalah_Exit2_PesanBahasaIndonesia_TidakAdaBerkas()
    {
        var hasil = await Jalankan("paket-teams", "--app-id", "kinerjabot", "--domain", "https://kinerjabot.kemenkeu.go.id", "--out", Out);

        Assert.Equal(2, hasil.Kode);
        Assert.Equal("", hasil.Stdout);
        Assert.Contains("Paket aplikasi Teams tidak ditulis (2 kesalahan):", hasil.Stderr, StringComparison.Ordinal);
        Assert.Contains("--app-id 'kinerjabot' bukan GUID aplikasi Microsoft Entra", hasil.Stderr, StringComparison.Ordinal);
        Assert.Contains("--domain 'https://kinerjabot.kemenkeu.go.id' harus nama host saja, tanpa skema", hasil.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task PaketTeams_NilaiSalahDariKonfigurasi_SumbernyaDisebut()
    {
        var hasil = await Jalankan("paket-teams", "--app-id", Paket.AppId, "--out", Out, "--Kinerja:PaketTeams:Domain=http://x");

        Assert.Equal(2, hasil.Kode);
        Assert.Contains("(nilai dari konfigurasi Kinerja:PaketTeams:Domain)", hasil.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--app-id wajib diisi", "--domain", Paket.Domain)]
    [InlineData("--domain wajib diisi", "--app-id", Paket.AppId)]
    [InlineData("opsi --warna tidak dikenal", "--app-id", Paket.AppId, "--domain", Paket.Domain, "--warna", "biru")]
    [InlineData("paket-teams tidak menerima argumen 'ekstra'", "ekstra")]
    [InlineData("--out 'paket.tar' harus berkas .zip", "--app-id", Paket.AppId, "--domain", Paket.Domain, "--out", "paket.tar")]
    public async Task PaketTeams_ArgumenSalah_Exit2(string pesan, params string[] args)
    {
        var hasil = await Jalankan(["paket-teams", .. args]);

        Assert.Equal(2, hasil.Kode);
        Assert.Contains("Argumen salah: " + pesan, hasil.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task PaketTeams_FolderOutTidakAda_Exit2()
    {
        var hasil = await Jalankan("paket-teams", "--app-id", Paket.AppId, "--domain", Paket.Domain, "--out", Path.Combine(_folder, "tidak-ada", "p.zip"));

        Assert.Equal(2, hasil.Kode);
        Assert.Contains("folder untuk --out tidak ada", hasil.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_MenyebutPaketTeams()
    {
        var hasil = await Jalankan("--help");

        Assert.Contains("KinerjaBot paket-teams --app-id <GUID> --domain <host>", hasil.Stdout, StringComparison.Ordinal);
    }
}
