using System.Security.Cryptography;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Benchmarks.Data;

/// <summary>
/// A SHA-256 fingerprint of scoring results: every value the pipeline produced (every decimal with its exact bits,
/// so a changed scale shows too), every state, predikat and missing item, in order. Two runs of the same domain code
/// on the same synthetic data give the same fingerprint; a domain optimisation must keep it.
/// </summary>
public sealed class SidikHasil : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _panjang;

    public static string Dari(Rekap rekap)
    {
        ArgumentNullException.ThrowIfNull(rekap);
        using var s = new SidikHasil();
        s.Int(rekap.Periode.Tahun);
        s.Int(rekap.Periode.Triwulan);
        s.Int(rekap.Unit.Count);
        foreach (var u in rekap.Unit)
        {
            s.Nko(u);
        }

        s.Int(rekap.Pegawai.Count);
        foreach (var p in rekap.Pegawai)
        {
            s.Pegawai(p);
        }

        return s.Selesai();
    }

    public static string Dari(HasilPegawai nilai, IReadOnlyList<HasilPegawai> tren, HasilNko? konteks)
    {
        ArgumentNullException.ThrowIfNull(nilai);
        ArgumentNullException.ThrowIfNull(tren);
        using var s = new SidikHasil();
        s.Pegawai(nilai);
        s.Int(tren.Count);
        foreach (var t in tren)
        {
            s.Pegawai(t);
        }

        s.Nko(konteks);
        return s.Selesai();
    }

    public void Dispose() => _hash.Dispose();

    private string Selesai()
    {
        Flush();
        return Convert.ToHexString(_hash.GetHashAndReset());
    }

    private void Nko(HasilNko? n)
    {
        if (n is null)
        {
            Int(-1);
            return;
        }

        Teks(n.Unit.Kode);
        Teks(n.Pemilik.Nip.Value);
        Int(n.Periode.Triwulan);
        Dec(n.Nko);
        Teks(n.Predikat);
        Int((int)n.Status);
        Int(n.Perspektif.Count);
        foreach (var p in n.Perspektif)
        {
            Int((int)p.Perspektif);
            Dec(p.Nilai);
            Dec(p.Bobot);
            Dec(p.BobotEfektif);
        }

        Int(n.SasaranStrategis.Count);
        foreach (var ss in n.SasaranStrategis)
        {
            Int((int)ss.Perspektif);
            Teks(ss.Nama);
            Dec(ss.Nilai);
            Int(ss.Iku.Count);
            foreach (var c in ss.Iku)
            {
                Capaian(c);
            }
        }

        Int(n.Iku.Count);
        foreach (var c in n.Iku)
        {
            Capaian(c);
        }

        Kekurangan(n.Kekurangan);
    }

    private void Pegawai(HasilPegawai p)
    {
        Teks(p.Pegawai.Nip.Value);
        Int(p.Periode.Triwulan);
        Int(p.Iku.Count);
        foreach (var c in p.Iku)
        {
            Capaian(c);
        }

        Dec(p.Ckp);
        Teks(p.CkpDariNko?.Unit.Kode);
        Dec(p.NpSebelumPengurang);
        Dec(p.PengurangDiterapkan);
        Dec(p.NpSetelahPengurang);
        Dec(p.Nkp);
        Dec(p.Npkp);
        Teks(p.Predikat);
        Int((int)p.Status);
        Int(p.PemilikPetaStrategi ? 1 : 0);
        Kekurangan(p.Kekurangan);
    }

    private void Capaian(CapaianIku c)
    {
        Teks(c.Iku.Kode);
        Int((int)c.Keadaan);
        Dec(c.Realisasi);
        Dec(c.Target?.Nilai);
        Dec(c.Target?.Atas);
        Dec(c.IndeksCapaian);
        Int(c.Warna is { } w ? (int)w : -1);
        Int(c.TriwulanTanpaRealisasi.Count);
        foreach (var tw in c.TriwulanTanpaRealisasi)
        {
            Int(tw);
        }
    }

    private void Kekurangan(IReadOnlyList<Kekurangan> daftar)
    {
        Int(daftar.Count);
        foreach (var k in daftar)
        {
            Int((int)k.Jenis);
            Teks(k.KodeIku);
            Teks(k.NamaIku);
            Int(k.Triwulan?.Count ?? -1);
            foreach (var tw in k.Triwulan ?? [])
            {
                Int(tw);
            }
        }
    }

    private void Dec(decimal? d)
    {
        if (d is not { } v)
        {
            Int(-1);
            return;
        }

        Int(1);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(v, bits);
        foreach (var b in bits)
        {
            Int(b);
        }
    }

    private void Teks(string? t)
    {
        if (t is null)
        {
            Int(-1);
            return;
        }

        Int(t.Length);
        foreach (var ch in t)
        {
            Int(ch);
        }
    }

    private void Int(int v)
    {
        if (_panjang + 4 > _buffer.Length)
        {
            Flush();
        }

        BitConverter.TryWriteBytes(_buffer.AsSpan(_panjang), v);
        _panjang += 4;
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _panjang);
        _panjang = 0;
    }
}
