namespace KinerjaBot.Tests.Import;

/// <summary>
/// The demo office with many different mistakes, each at a known place (<c>file:line: column</c>). Built from the demo
/// CSVs by editing lines so that each mistake is the only thing wrong on its line.
/// </summary>
public static class ImportErrorDataset
{
    public static IReadOnlyList<(string Tempat, string Pesan)> Buat(DemoDataset d)
    {
        var e = new List<(string, string)>();

        // unit.csv
        d.Ganti("unit.csv", 6, "KPPN-METRO-VERAKI,", "KPPN-METRO-VERAKI,\"Seksi Verifikasi, Akuntansi dan Kepatuhan Internal\",KPPN-METRO,Five,Asia/Jakarta");
        e.Add(("unit.csv:6: level", "'Five' tidak dikenal"));
        d.Tambah("unit.csv", "X-A,Unit A,X-B,Four,Asia/Jakarta", out var l).Tambah("unit.csv", "X-B,Unit B,X-A,Four,Asia/Jakarta");
        e.Add(($"unit.csv:{l}: kode_induk", "lingkaran unit induk: X-A → X-B → X-A"));
        d.Tambah("unit.csv", "KPPN-METRO-BANK,Seksi Bank Lagi,KPPN-METRO,Four,Asia/Jakarta", out l);
        e.Add(($"unit.csv:{l}: kode", "kode unit KPPN-METRO-BANK sudah dipakai di baris 5"));
        d.Tambah("unit.csv", "X-C,Unit C,KPPN-METRO,Four,Asia/Bangkok", out l);
        e.Add(($"unit.csv:{l}: zona_waktu", "'Asia/Bangkok' tidak dikenal"));

        // pegawai.csv
        d.Tambah("pegawai.csv", "19950511201803100,Orang Baru,baru@kemenkeu.example,Pelaksana,KPPN-METRO-UMUM,198407222006122001,tidak", out l);
        e.Add(($"pegawai.csv:{l}: nip", "harus 18 digit, bukan 17"));
        d.Tambah("pegawai.csv", "199001012015011001,Lingkar Satu,lingkar1@kemenkeu.example,Pelaksana,KPPN-METRO-UMUM,199002022015012002,tidak", out l)
            .Tambah("pegawai.csv", "199002022015012002,Lingkar Dua,lingkar2@kemenkeu.example,Pelaksana,KPPN-METRO-UMUM,199001012015011001,tidak");
        e.Add(($"pegawai.csv:{l}: nip_atasan", "lingkaran atasan: 199001012015011001 → 199002022015012002 → 199001012015011001"));
        d.Tambah("pegawai.csv", "199103032016011003,Kepala Kedua,kepala2@kemenkeu.example,Kepala Seksi Bank,KPPN-METRO-BANK,197603141998031002,ya", out l);
        e.Add(($"pegawai.csv:{l}: kepala_unit", "unit KPPN-METRO-BANK sudah punya kepala: 198502182007012003 (baris 5)"));
        d.Tambah("pegawai.csv", "199204042017011004,Salah Unit,salahunit@kemenkeu.example,Pelaksana,KPPN-METRO-XYZ,198407222006122001,tidak", out l);
        e.Add(($"pegawai.csv:{l}: kode_unit", "unit KPPN-METRO-XYZ tidak ada di unit.csv"));
        d.Tambah("pegawai.csv", "199708032019032002,Siti Kembar,siti.kembar@kemenkeu.example,Pelaksana,KPPN-METRO-UMUM,198407222006122001,tidak", out l);
        e.Add(($"pegawai.csv:{l}: nip", "NIP 199708032019032002 sudah dipakai di baris 8"));
        d.Tambah("pegawai.csv", "199305052018011005,Atasan Luar,atasanluar@kemenkeu.example,Pelaksana,KPPN-METRO-UMUM,198001012005011009,tidak", out l);
        e.Add(($"pegawai.csv:{l}: nip_atasan", "NIP atasan 198001012005011009 tidak ada di pegawai.csv"));

        // iku.csv
        d.Edit("iku.csv", 14, s => s.Replace(",40,max,tlkv,", ",40,maks,tlkv,", StringComparison.Ordinal));
        e.Add(("iku.csv:14: polaritas", "'maks' tidak dikenal (pilihan: max, min, stab)"));
        d.Edit("iku.csv", 17, s => s.Replace(",30,max,tlkv,", ",tiga puluh,max,tlkv,", StringComparison.Ordinal));
        e.Add(("iku.csv:17: bobot", "'tiga puluh' bukan angka"));
        d.Edit("iku.csv", 21, s => s.Replace(",40,max,average,", ",45,max,average,", StringComparison.Ordinal));
        e.Add(("iku.csv:21: bobot", "jumlah bobot IKU kontrak 198502182007012003 tahun 2026 harus 100, bukan 105 (baris 21, 22, 23)"));
        d.Edit("iku.csv", 24, s => s.Replace(",internal,", ",proses,", StringComparison.Ordinal));
        e.Add(("iku.csv:24: perspektif", "'proses' tidak dikenal"));
        d.Edit("iku.csv", 25, s => s.Replace(",max,average,", ",max,rata2,", StringComparison.Ordinal));
        e.Add(("iku.csv:25: konsolidasi", "'rata2' tidak dikenal"));
        d.Tambah("iku.csv", "2026,199505112018031005,3A.005,Kode kembar,internal,Pengelolaan kas yang akurat,10,max,average,%", out l);
        e.Add(($"iku.csv:{l}: kode", "kode IKU 3A.005 sudah ada di kontrak 199505112018031005 tahun 2026 (baris 27)"));
        d.Tambah("iku.csv", "2026,199601272018031008,9z,IKU baru,learning,SDM dan organisasi berkinerja tinggi,\"12,5\",max,tlkv,%", out l);
        e.Add(($"iku.csv:{l}: bobot", "'12,5' bukan angka: pakai titik sebagai pemisah desimal (mis. 12.5)"));
        d.Tambah("iku.csv", "2026,198001012005011009,zz,IKU orang luar,learning,SDM dan organisasi berkinerja tinggi,100,max,tlkv,%", out l);
        e.Add(($"iku.csv:{l}: nip_pemilik", "NIP 198001012005011009 tidak ada di pegawai.csv"));
        d.Tambah("iku.csv", "2026,199403082016031007,0b.007,Bobot nol,learning,SDM dan organisasi berkinerja tinggi,0,max,tlkv,%", out l);
        e.Add(($"iku.csv:{l}: bobot", "bobot harus lebih dari 0, bukan 0"));

        // target.csv
        d.Ganti("target.csv", 42, "2026,197603141998031002,5b,TW1,95,105", "2026,197603141998031002,5b,TW1,95,");
        e.Add(("target.csv:42: target_atas", "IKU 5b berpolaritas stab: target_atas (batas atas) wajib diisi"));
        d.Ganti("target.csv", 2, "2026,197603141998031002,1a,TW1,90,", "2026,197603141998031002,1a,TW1,90,100");
        e.Add(("target.csv:2: target_atas", "IKU 1a bukan stab: target_atas harus kosong"));
        d.Ganti("target.csv", 90, "2026,198009302002121001,5b,TW1,95,105", "2026,198009302002121001,5b,TW1,95,90");
        e.Add(("target.csv:90: target_atas", "target_atas (90) lebih kecil dari target (95)"));
        d.Ganti("target.csv", 4, "2026,197603141998031002,1a,TW3,90,", "2026,197603141998031002,1a,TW5,90,");
        e.Add(("target.csv:4: periode", "'TW5' tidak dikenal"));
        d.Tambah("target.csv", "2026,197603141998031002,1b,TW2,91,", out l);
        e.Add(($"target.csv:{l}: periode", "target IKU 1b TW2 sudah ada di baris 7"));
        d.Tambah("target.csv", "2026,197603141998031002,9x,TW1,10,", out l);
        e.Add(($"target.csv:{l}: kode_iku", "IKU 9x milik 197603141998031002 tahun 2026 tidak ada di iku.csv"));

        // realisasi.csv
        d.Ganti("realisasi.csv", 2, "2026,197603141998031002,1a,TW1,91.58", "2026,197603141998031002,1a,TW1,91,58");
        e.Add(("realisasi.csv:2: *", "baris punya 6 nilai, header hanya 5 kolom"));
        d.Tambah("realisasi.csv", "2026,197603141998031002,1a,TW2,96.25", out l);
        e.Add(($"realisasi.csv:{l}: periode", "realisasi IKU 1a TW2 sudah ada di baris 3"));
        d.Tambah("realisasi.csv", "2026,197603141998031002,9y,TW1,50", out l);
        e.Add(($"realisasi.csv:{l}: kode_iku", "IKU 9y milik 197603141998031002 tahun 2026 tidak ada di iku.csv"));

        // perilaku.csv
        d.Ganti("perilaku.csv", 2, "2026,197603141998031002,68.41,0", "2026,197603141998031002,105,0");
        e.Add(("perilaku.csv:2: nilai", "nilai perilaku harus 0–100, bukan 105"));
        d.Ganti("perilaku.csv", 3, "2026,198407222006122001,85.7,0", "2026,198407222006122001,85.7,-2");
        e.Add(("perilaku.csv:3: pengurang", "pengurang tidak boleh negatif (-2)"));
        d.Tambah("perilaku.csv", "2026,198001012005011009,80,0", out l);
        e.Add(($"perilaku.csv:{l}: nip", "NIP 198001012005011009 tidak ada di pegawai.csv"));
        d.Tambah("perilaku.csv", "2026,,80,0", out l);
        e.Add(($"perilaku.csv:{l}: nip", "wajib diisi"));

        // skp.csv
        d.Edit("skp.csv", 1, s => s + ",catatan");
        e.Add(("skp.csv:1: catatan", "kolom tidak dikenal"));
        d.Ganti("skp.csv", 2, "2026,197603141998031002,disetujui", "2026,197603141998031002,setuju");
        e.Add(("skp.csv:2: status", "'setuju' tidak dikenal"));
        return e;
    }
}
