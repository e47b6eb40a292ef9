using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Kinerja.Benchmarks.Data;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Benchmarks;

/// <summary>
/// <c>--smoke</c>: each scenario run without BenchmarkDotNet, once cold (JIT included) and once warm, with wall time
/// (<see cref="Stopwatch"/>), bytes allocated (<see cref="GC.GetTotalAllocatedBytes(bool)"/>), the peak working set
/// and a fingerprint of the results (<see cref="SidikHasil"/>), so a person or CI can sanity-check in seconds and a
/// domain change can be checked for changed results.
/// </summary>
public static class Smoke
{
    private const long Mb = 1024 * 1024;

    public static int Jalankan(TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Format(c, "KinerjaBot benchmarks, smoke run: {0} logical cores, .NET {1}, {2}, GC {3}{4}",
            Environment.ProcessorCount, Environment.Version, RuntimeInformation.ProcessArchitecture,
            GCSettings.IsServerGC ? "server" : "workstation", GCSettings.LatencyMode == GCLatencyMode.Interactive ? " concurrent" : ""));

        // Generation (not part of any benchmark).
        var (waktuData, alokasiData) = Ukur(() => Skenario.Data);
        var data = Skenario.Data;
        var liveData = GC.GetTotalMemory(forceFullCollection: true);
        o.WriteLine(string.Format(c, "generate ministry: {0:N0} ms, allocated {1:N0} MB, live heap after GC {2:N0} MB, peak working set {3:N0} MB",
            waktuData.TotalMilliseconds, alokasiData / Mb, liveData / Mb, PuncakWorkingSet() / Mb));
        foreach (var baris in Skenario.Statistik.Baris())
        {
            o.WriteLine("  " + baris);
        }

        // (a) The recap. The kernel's peak-RSS mark is reset first (Linux) so the peak seen is data + one recap.
        var penilai = Skenario.BuatPenilai();
        var reset = ResetPuncakRss();
        Rekap? rekap = null;
        var (dingin, alokasiDingin) = Ukur(() => rekap = Skenario.RekapKementerian(penilai, data));
        var puncakRekap = PuncakWorkingSet();
        var liveDenganRekap = GC.GetTotalMemory(forceFullCollection: true);
        o.WriteLine(string.Format(c, "(a) recap {0}: cold {1:N0} ms, allocated {2:N0} MB; the result holds {3:N0} MB live",
            Skenario.Periode.Label, dingin.TotalMilliseconds, alokasiDingin / Mb, (liveDenganRekap - liveData) / Mb));
        Ringkas(o, rekap!);
        o.WriteLine("    fingerprint " + SidikHasil.Dari(rekap!));
        rekap = null;
        var (hangat, alokasiHangat) = Ukur(() => Skenario.RekapKementerian(penilai, data));
        puncakRekap = Math.Max(puncakRekap, PuncakWorkingSet());
        o.WriteLine(string.Format(c, "    warm {0:N0} ms, allocated {1:N0} MB (tiered JIT may not have settled; BenchmarkDotNet measures the steady state)",
            hangat.TotalMilliseconds, alokasiHangat / Mb));
        o.WriteLine(string.Format(c, "    peak working set {0:N0} MB ({1})", puncakRekap / Mb,
            reset ? "data + one recap; the peak mark was reset after generation" : "whole process"));

        // (b) "Nilai saya" for one employee.
        foreach (var peran in Enum.GetValues<Peran>())
        {
            var pegawai = Skenario.Contoh(data, peran);
            HasilNilaiSaya? hasil = null;
            var (d, ad) = Ukur(() => hasil = Skenario.NilaiSaya(penilai, data, pegawai));
            var (h, ah) = Ukur(() => Skenario.NilaiSaya(penilai, data, pegawai));
            var n = hasil!.Nilai;
            o.WriteLine(string.Format(c,
                "(b) nilai saya {0} {1} ({2} IKU): cold {3:N3} ms, allocated {4:N0} B; warm {5:N3} ms, allocated {6:N0} B",
                peran, pegawai.Nip.Value, n.Iku.Count, d.TotalMilliseconds, ad, h.TotalMilliseconds, ah));
            o.WriteLine(string.Format(c, "    CKP {0} NKP {1} {2} {3}; NKO context {4} {5}; fingerprint {6}",
                Teks(n.Ckp), Teks(n.Nkp), n.Predikat, n.Status, hasil.Konteks?.Unit.Kode, Teks(hasil.Konteks?.Nko),
                SidikHasil.Dari(n, hasil.Tren, hasil.Konteks)));
        }

        var aim = hangat.TotalSeconds < 2 && alokasiHangat < 1024 * Mb && puncakRekap < 1024 * Mb;
        o.WriteLine(string.Format(c, "aim (recap < 2 s, < 1 GB allocated and peak): {0}", aim ? "met" : "MISSED"));
        return 0;
    }

    private static void Ringkas(TextWriter o, Rekap rekap)
    {
        var c = CultureInfo.InvariantCulture;
        var nko = rekap.Unit.Where(u => u.Nko is not null).Select(u => u.Nko!.Value).ToList();
        o.WriteLine(string.Format(c, "    {0:N0} map-owning units: NKO min {1:0.00}, mean {2:0.00}, max {3:0.00}; {4:N0} final, {5:N0} provisional",
            rekap.Unit.Count, nko.Min(), nko.Average(), nko.Max(),
            rekap.Unit.Count(u => u.Status == StatusNilai.Final), rekap.Unit.Count(u => u.Status == StatusNilai.Sementara)));
        var predikat = string.Join(", ", rekap.Pegawai.GroupBy(p => p.Predikat ?? "(none)").OrderByDescending(g => g.Count())
            .Select(g => string.Format(c, "{0} {1:N0}", g.Key, g.Count())));
        o.WriteLine(string.Format(c, "    {0:N0} employees: {1:N0} final, {2:N0} provisional; predikat: {3}",
            rekap.Pegawai.Count, rekap.Pegawai.Count(p => p.Status == StatusNilai.Final),
            rekap.Pegawai.Count(p => p.Status == StatusNilai.Sementara), predikat));
    }

    private static string Teks(decimal? d) => d is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static (TimeSpan Waktu, long Alokasi) Ukur<T>(Func<T> aksi)
    {
        var a0 = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        GC.KeepAlive(aksi());
        sw.Stop();
        return (sw.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - a0);
    }

    private static long PuncakWorkingSet()
    {
        using var proses = Process.GetCurrentProcess();
        proses.Refresh();
        return proses.PeakWorkingSet64;
    }

    /// <summary>Linux: writing 5 to /proc/self/clear_refs resets the peak RSS (VmHWM) to the current RSS.</summary>
    private static bool ResetPuncakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}
