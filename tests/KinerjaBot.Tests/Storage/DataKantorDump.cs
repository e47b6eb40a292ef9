using System.Globalization;
using System.Text;
using Kinerja.Domain.Kinerja;

namespace KinerjaBot.Tests.Storage;

/// <summary>Everything a <see cref="DataKantor"/> holds as text, in data order: equal text means equal content.</summary>
public static class DataKantorDump
{
    public static string Teks(DataKantor data, int? tahun = null)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var u in data.Unit)
        {
            sb.AppendLine(c, $"unit {u.Kode}|{u.Nama}|{u.KodeInduk}|{u.Level}|{u.ZonaWaktu.IanaId}");
        }

        foreach (var p in data.Pegawai)
        {
            sb.AppendLine(c, $"pegawai {p.Nip}|{p.Nama}|{p.Email}|{p.Jabatan}|{p.KodeUnit}|{p.NipAtasan}|{p.KepalaUnit}");
        }

        foreach (var k in data.Kontrak.Where(k => tahun is null || k.Tahun == tahun).OrderBy(k => k.Tahun).ThenBy(k => k.Pemilik.Value, StringComparer.Ordinal))
        {
            sb.AppendLine(c, $"kontrak {k.Tahun}|{k.Pemilik}|{k.Status}");
            foreach (var i in k.Iku)
            {
                sb.AppendLine(c, $"  iku {i.Kode}|{i.Nama}|{i.Perspektif}|{i.SasaranStrategis}|{i.Bobot.Nilai}|{i.Polaritas}|{i.Konsolidasi}|{i.Satuan}");
                for (var tw = 1; tw <= 4; tw++)
                {
                    sb.AppendLine(c, $"    TW{tw} target {i.TargetTriwulan(tw)?.Nilai}/{i.TargetTriwulan(tw)?.Atas} realisasi {i.RealisasiTriwulan(tw)}");
                }
            }
        }

        foreach (var p in data.Perilaku.Where(p => tahun is null || p.Tahun == tahun).OrderBy(p => p.Tahun))
        {
            sb.AppendLine(c, $"perilaku {p.Tahun}|{p.Nip}|{p.Nilai}|{p.Pengurang}");
        }

        foreach (var (t, pemilik, i) in data.SemuaInisiatif.Where(i => tahun is null || i.Tahun == tahun).OrderBy(i => i.Tahun))
        {
            sb.AppendLine(c, $"inisiatif {t}|{pemilik}|{i.SasaranStrategis}|{i.Nama}|{i.ProgresPersen}|{i.Tenggat:yyyy-MM-dd}|{i.Keterangan}");
        }

        return sb.ToString();
    }
}
