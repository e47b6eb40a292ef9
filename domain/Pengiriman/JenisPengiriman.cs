namespace Kinerja.Domain.Pengiriman;

/// <summary>
/// The kinds of message KinerjaBot sends on its own (issue 6). The strings are stored in the delivery ledger as part
/// of <see cref="KunciPengiriman"/>: never rename a shipped one.
/// </summary>
public static class JenisPengiriman
{
    /// <summary>H-14, H-7, H-3, H-1 before the SKP deadline, to someone whose contract is not submitted.</summary>
    public const string PengingatSkp = "skp-pengingat";

    /// <summary>To the approver after a contract has waited 2 work days.</summary>
    public const string PersetujuanSkp = "skp-persetujuan";

    /// <summary>To the atasan pejabat penilai after a contract has waited 5 work days.</summary>
    public const string EskalasiSkp = "skp-eskalasi";

    /// <summary>
    /// H-14, H-7, H-3, H-1 before 31 January, to the office's coordinators, when the office has no contract of the year
    /// at all (its IKU were never imported): nobody can submit the year's SKP until they are.
    /// </summary>
    public const string KontrakBelumDimuat = "skp-kontrak-belum-dimuat";

    /// <summary>Weekly digest to the office's coordinators (not submitted, not approved, not reachable).</summary>
    public const string RekapKoordinator = "skp-rekap-koordinator";

    /// <summary>First 10 days after a quarter ends, to IKU owners whose realisation is missing.</summary>
    public const string PengingatRealisasi = "realisasi-pengingat";

    /// <summary>Monthly prompt to a leader: a DKI with each direct report, with its agenda.</summary>
    public const string AjakanDki = "dialog-dki";

    /// <summary>Quarterly prompt to a unit head: the DKO, with its agenda.</summary>
    public const string AjakanDko = "dialog-dko";

    /// <summary>When a period becomes final: the employee's own "nilai saya" card for it.</summary>
    public const string RingkasanNilai = "nilai-ringkasan";

    /// <summary>When a period becomes final: the leader's team summary (the <c>nilai tim</c> card).</summary>
    public const string RingkasanTim = "nilai-tim";
}
