using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using KinerjaBot.Import;
using MiniExcelLibs;

namespace KinerjaBot.Tests.Import;

public sealed class DataKantorReaderTests
{
    private static readonly DataKantorReader Reader = new(KebijakanPenilaianReader.BacaPreset("kmk467"));

    private static ImportResult Baca(DemoDataset d) => Reader.Read(d.Folder);

    private static void AdaKesalahan(ImportResult hasil, string tempat, string pesan) =>
        Assert.True(hasil.Errors.Any(e => e.ToString().StartsWith(tempat + ": ", StringComparison.Ordinal) && e.Message.Contains(pesan, StringComparison.Ordinal)),
            $"tidak ada '{tempat}: …{pesan}…' di:\n{string.Join("\n", hasil.Errors)}");

    [Fact]
    public void DemoCsv_ValidTanpaPeringatan_UrutanDanTeksDipertahankan()
    {
        using var d = new DemoDataset();
        var hasil = Baca(d);

        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        Assert.Empty(hasil.Warnings);
        var data = hasil.Data!;
        Assert.Equal("KPPN-METRO", data.KodeKantor);
        Assert.Equal(["KPPN-METRO", "KPPN-METRO-UMUM", "KPPN-METRO-PDMS", "KPPN-METRO-BANK", "KPPN-METRO-VERAKI"], data.Unit.Select(u => u.Kode));
        // RFC 4180: the quoted comma stays in the name.
        Assert.Equal("Seksi Verifikasi, Akuntansi dan Kepatuhan Internal", data.CariUnit("KPPN-METRO-VERAKI")!.Nama);
        Assert.Equal(25, data.Pegawai.Count);
        Assert.Equal("197603141998031002", data.Pegawai[0].Nip.Value);
        Assert.Null(data.Pegawai[0].NipAtasan);
        Assert.Equal([2026, 2027], data.TahunKontrak);
        Assert.Equal(StatusSkp.Dikembalikan, data.CariKontrak(2027, Nip.Parse("199909142021072001"))!.Status);
        var stab = data.CariKontrak(2026, Nip.Parse("197603141998031002"))!.CariIku("5b")!;
        Assert.Equal(new Target(95, 105), stab.TargetTriwulan(1));
        Assert.Equal(2m, data.CariPerilaku(2026, Nip.Parse("197801152000031002"))!.Pengurang);
    }

    [Fact]
    public void KodeDenganNolDiDepan_TetapTeks()
    {
        using var d = new DemoDataset();
        d.Edit("iku.csv", 32, s => s.Replace(",5a.008,", ",007,", StringComparison.Ordinal));
        d.Saring("target.csv", _ => true).Saring("realisasi.csv", _ => true);
        var lines = d.Lines("target.csv");
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Contains(",5a.008,", StringComparison.Ordinal))
            {
                d.Edit("target.csv", i + 1, s => s.Replace(",5a.008,", ",007,", StringComparison.Ordinal));
            }
        }

        lines = d.Lines("realisasi.csv");
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Contains(",5a.008,", StringComparison.Ordinal))
            {
                d.Edit("realisasi.csv", i + 1, s => s.Replace(",5a.008,", ",007,", StringComparison.Ordinal));
            }
        }

        var hasil = Baca(d);
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        var iku = hasil.Data!.CariKontrak(2026, Nip.Parse("199601272018031008"))!.Iku[0];
        Assert.Equal("007", iku.Kode);
        Assert.NotNull(iku.TargetTriwulan(1));
    }

    [Fact]
    public void KolomWajibHilang_Kesalahan()
    {
        using var d = new DemoDataset();
        var lines = d.Lines("iku.csv");
        for (var i = 0; i < lines.Count; i++)
        {
            d.Edit("iku.csv", i + 1, s => s[..s.LastIndexOf(',')]);
        }

        AdaKesalahan(Baca(d), "iku.csv:1: satuan", "kolom wajib tidak ada di header");
    }

    [Fact]
    public void SelLebihDari1000Karakter_KesalahanDenganBerkasBarisKolom()
    {
        using var d = new DemoDataset();
        d.Edit("pegawai.csv", 3, s =>
        {
            var kolom = s.Split(',');
            kolom[1] = new string('A', 1001);
            return string.Join(',', kolom);
        });

        var hasil = Baca(d);

        Assert.False(hasil.Success);
        AdaKesalahan(hasil, "pegawai.csv:3: nama", "isi sel terlalu panjang: 1.001 karakter, paling banyak 1.000");
    }

    [Fact]
    public void PemisahTitikKoma_DiberiPetunjuk()
    {
        using var d = new DemoDataset();
        d.Edit("unit.csv", 1, s => s.Replace(',', ';'));
        AdaKesalahan(Baca(d), "unit.csv:1: kode;nama;kode_induk;level;zona_waktu", "pemisah harus koma, bukan titik koma");
    }

    [Fact]
    public void BerkasWajibTidakAda_Kesalahan()
    {
        using var d = new DemoDataset();
        File.Delete(Path.Combine(d.Folder, "realisasi.csv"));
        AdaKesalahan(Baca(d), "realisasi.csv:0: *", "berkas wajib tidak ada");
    }

    [Fact]
    public void BobotLebihDari100_PesanDomainJadiKesalahanBaris()
    {
        using var d = new DemoDataset();
        d.Edit("iku.csv", 14, s => s.Replace(",40,max,tlkv,", ",150,max,tlkv,", StringComparison.Ordinal));
        AdaKesalahan(Baca(d), "iku.csv:14: bobot", "Bobot harus lebih dari 0 dan paling banyak 100, bukan 150");
    }

    [Fact]
    public void PemilikPeta_BobotPerSasaranStrategisHarus100()
    {
        using var d = new DemoDataset();
        d.Edit("iku.csv", 2, s => s.Replace(",60,max,", ",70,max,", StringComparison.Ordinal));
        AdaKesalahan(Baca(d), "iku.csv:2: bobot",
            "jumlah bobot IKU sasaran strategis 'Pelaksanaan anggaran satker mitra yang berkualitas' kontrak 197603141998031002 tahun 2026 harus 100, bukan 110");
    }

    [Fact]
    public void IkuMelebihiBatas_HanyaPeringatan()
    {
        using var d = new DemoDataset();
        // 199601272018031008 (not a map owner, max 10): its 2 IKU at 5 + 9 new at 10 = 11 IKU, weights sum 100.
        d.Edit("iku.csv", 32, s => s.Replace(",57,max,", ",5,max,", StringComparison.Ordinal));
        d.Edit("iku.csv", 33, s => s.Replace(",43,max,", ",5,max,", StringComparison.Ordinal));
        var line = 0;
        for (var i = 1; i <= 9; i++)
        {
            d.Tambah("iku.csv", $"2026,199601272018031008,x{i},IKU tambahan {i},learning,SDM dan organisasi berkinerja tinggi,10,max,tlkv,%", out line);
        }

        var hasil = Baca(d);
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        var w = Assert.Single(hasil.Warnings);
        Assert.Equal($"iku.csv:{line}: kode", $"{w.File}:{w.Line}: {w.Column}");
        Assert.Contains("punya 11 IKU, lebih dari batas 10", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkpTanpaIku_KontrakKosongDanPeringatan()
    {
        using var d = new DemoDataset();
        d.Tambah("skp.csv", "2027,197603141998031002,draft", out var line);
        var hasil = Baca(d);
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        var w = Assert.Single(hasil.Warnings);
        Assert.Equal($"skp.csv:{line}: nip", $"{w.File}:{w.Line}: {w.Column}");
        var kontrak = hasil.Data!.CariKontrak(2027, Nip.Parse("197603141998031002"))!;
        Assert.Empty(kontrak.Iku);
        Assert.Equal(StatusSkp.Draft, kontrak.Status);
    }

    [Fact]
    public void DuaUnitPuncak_Kesalahan()
    {
        using var d = new DemoDataset();
        d.Tambah("unit.csv", "KPPN-LAIN,KPPN Lain,KANWIL-DJPB-LAMPUNG,Three,Asia/Jakarta", out var line);
        AdaKesalahan(Baca(d), $"unit.csv:{line}: kode_induk", "KPPN-METRO sudah menjadi unit puncak");
    }

    [Fact]
    public void AtasanKosong_HanyaUntukKepalaKantor()
    {
        using var d = new DemoDataset();
        d.Edit("pegawai.csv", 7, s => s.Replace(",198407222006122001,tidak", ",,tidak", StringComparison.Ordinal));
        AdaKesalahan(Baca(d), "pegawai.csv:7: nip_atasan", "hanya kepala unit puncak kantor yang boleh tanpa atasan");
    }

    [Fact]
    public void KepalaKantor_BolehBeratasanDiLuarBerkas()
    {
        using var d = new DemoDataset();
        d.Edit("pegawai.csv", 2, s => s.Replace(",,ya", ",197001012000031001,ya", StringComparison.Ordinal));
        var hasil = Baca(d);
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        Assert.Equal("197001012000031001", hasil.Data!.Pegawai[0].NipAtasan!.Value.Value);
    }

    [Fact]
    public void TandaKutipTidakDitutup_Kesalahan()
    {
        using var d = new DemoDataset();
        d.Tambah("unit.csv", "X-Z,\"Unit tanpa kutip penutup,KPPN-METRO,Four,Asia/Jakarta", out var line);
        AdaKesalahan(Baca(d), $"unit.csv:{line}: kolom 2", "tanda kutip pembuka tidak ditutup");
    }

    [Fact]
    public void Workbook_KesalahanMenyebutLembarKerja()
    {
        using var d = new DemoDataset();
        d.Edit("iku.csv", 14, s => s.Replace(",40,max,tlkv,", ",40,maks,tlkv,", StringComparison.Ordinal));
        var hasil = Reader.Read(d.KeXlsx());
        var e = Assert.Single(hasil.Errors);
        Assert.Equal("kppn-metro.xlsx[iku]:14: polaritas: 'maks' tidak dikenal (pilihan: max, min, stab)", e.ToString());
    }

    [Fact]
    public void Workbook_NipSebagaiAngka_Kesalahan()
    {
        using var d = new DemoDataset();
        var path = d.KeXlsx();
        var sheets = new Dictionary<string, object>();
        foreach (var sheet in MiniExcel.GetSheetNames(path))
        {
            var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
                .Select(r => r.ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
            if (sheet == "pegawai")
            {
                rows[0]["nip"] = 197603141998031002d;
            }

            sheets[sheet] = rows;
        }

        var path2 = Path.Combine(d.Root, "nip-angka.xlsx");
        MiniExcel.SaveAs(path2, sheets);
        var hasil = Reader.Read(path2);
        AdaKesalahan(hasil, "nip-angka.xlsx[pegawai]:2: nip", "tersimpan sebagai angka");
    }

    [Fact]
    public void PathTidakAda_Kesalahan()
    {
        var hasil = Reader.Read(Path.Combine(Path.GetTempPath(), "tidak-ada-" + Guid.NewGuid().ToString("N")));
        Assert.False(hasil.Success);
        Assert.Contains("tidak ditemukan", Assert.Single(hasil.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RealisasiTanpaTarget_HanyaPeringatan()
    {
        using var d = new DemoDataset();
        // 2a of the office head is a semester IKU (targets TW2, TW4): a TW1 realisation has nothing to count against.
        d.Tambah("realisasi.csv", "2026,197603141998031002,2a,TW1,4.5", out var line);
        var hasil = Baca(d);
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        var w = Assert.Single(hasil.Warnings);
        Assert.Equal($"realisasi.csv:{line}: periode: IKU 2a tidak punya target TW1 di target.csv; realisasi ini tidak dihitung", w.ToString());
    }
}
