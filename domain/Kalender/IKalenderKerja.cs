namespace Kinerja.Domain.Kalender;

/// <summary>
/// An office's working days: not Saturday or Sunday, not a national holiday, not a <i>cuti bersama</i> day of that
/// year's joint decree (issue 6). Jobs skip non-working days; "2 work days", "ingatkan besok" count only these.
/// </summary>
public interface IKalenderKerja
{
    /// <summary>Whether <paramref name="tanggal"/> (a local date of the office) is a working day there.</summary>
    bool HariKerja(string kodeKantor, DateOnly tanggal);
}
