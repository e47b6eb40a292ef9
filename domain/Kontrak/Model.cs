using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Kontrak;

/// <summary>Which contract: an office, a year, an owner.</summary>
public readonly record struct KunciSkp
{
    public KunciSkp(string kodeKantor, int tahun, Nip pemilik)
    {
        if (string.IsNullOrWhiteSpace(kodeKantor))
        {
            throw new DomainException("Kode kantor kosong");
        }

        if (tahun is < 2000 or > 2100)
        {
            throw new DomainException($"Tahun {tahun} di luar rentang 2000–2100");
        }

        KodeKantor = kodeKantor.Trim();
        Tahun = tahun;
        Pemilik = pemilik;
    }

    public string KodeKantor { get; }

    public int Tahun { get; }

    public Nip Pemilik { get; }

    public override string ToString() => $"{KodeKantor}/{Tahun}/{Pemilik}";
}

/// <summary>A person as the audit trail keeps them: NIP and the name at the time of the act.</summary>
public sealed record Pelaku(Nip Nip, string Nama)
{
    public static Pelaku Dari(Pegawai pegawai)
    {
        ArgumentNullException.ThrowIfNull(pegawai);
        return new Pelaku(pegawai.Nip, pegawai.Nama);
    }
}

/// <summary>In which capacity someone decides on a contract.</summary>
public enum PeranPemutus
{
    /// <summary>The <i>atasan langsung</i> (pejabat penilai).</summary>
    AtasanLangsung,

    /// <summary>A Plt./Plh. acting for the atasan langsung.</summary>
    PelaksanaAtasan,

    /// <summary>The <i>atasan pejabat penilai</i>, deciding after a disagreement.</summary>
    AtasanPejabatPenilai,
}

/// <summary>What kind of version of the contract.</summary>
public enum JenisVersi
{
    /// <summary>The contract as first made (or imported).</summary>
    Awal,

    /// <summary>The owner's revision after it was returned.</summary>
    Perbaikan,

    /// <summary>A change of targets of an approved contract.</summary>
    Adendum,
}

/// <summary>One quarter's new target of one IKU in a revision or an adendum.</summary>
public sealed record PerubahanTarget
{
    public PerubahanTarget(string kodeIku, int triwulan, Target target)
    {
        if (string.IsNullOrWhiteSpace(kodeIku))
        {
            throw new DomainException("Kode IKU pada perubahan target kosong");
        }

        if (triwulan is < 1 or > 4)
        {
            throw new DomainException($"Triwulan harus 1 sampai 4, bukan {triwulan}");
        }

        KodeIku = kodeIku.Trim();
        Triwulan = triwulan;
        Target = target;
    }

    public string KodeIku { get; }

    public int Triwulan { get; }

    public Target Target { get; }

    /// <summary>True when <paramref name="lain"/> changes the same IKU and quarter.</summary>
    public bool SamaTempat(PerubahanTarget lain) =>
        lain is not null && Triwulan == lain.Triwulan && string.Equals(KodeIku, lain.KodeIku, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A numbered version of the contract (1, 2, …). Every version is kept: the first one, each revision after a return,
/// each adendum. <see cref="Perubahan"/> is what changed against the previous version (empty for version 1).
/// </summary>
public sealed record VersiSkp(int Nomor, JenisVersi Jenis, IReadOnlyList<PerubahanTarget> Perubahan, string? Alasan, DateTimeOffset DibuatPadaUtc)
{
    /// <summary>When it was approved, if it was.</summary>
    public DateTimeOffset? DisetujuiPadaUtc { get; init; }
}

/// <summary>
/// One line of the append-only audit trail: who, on whose behalf (Plt./Plh.), when (UTC, the office's zone and its local date), from
/// which state to which, on which version, the note, and the channel. <see cref="Dari"/> is null for the entry that
/// created the state (an import or the first draft). <see cref="Oleh"/> is null for an import (no person acted).
/// </summary>
public sealed record CatatanAudit(
    int Urutan,
    Pelaku? Oleh,
    Pelaku? AtasNama,
    PeranPemutus? Peran,
    DateTimeOffset PadaUtc,
    string ZonaWaktu,
    DateOnly TanggalLokal,
    StatusSkp? Dari,
    StatusSkp Ke,
    int Versi,
    string? Catatan,
    Saluran Saluran)
{
    /// <summary>True for the entry of an approval or a return.</summary>
    public bool Keputusan => Ke is StatusSkp.Disetujui or StatusSkp.Dikembalikan;
}

/// <summary>A transition the state machine does not allow. The message names both states.</summary>
public sealed class TransisiTidakSahException(StatusSkp dari, StatusSkp ke, string message) : DomainException(message)
{
    public StatusSkp Dari { get; } = dari;

    public StatusSkp Ke { get; } = ke;
}

/// <summary>How a decision (approve or return) ended.</summary>
public enum JenisHasilKeputusan
{
    /// <summary>The transition happened and is recorded (not yet stored: the caller saves).</summary>
    Berhasil,

    /// <summary>
    /// That version was decided already (a double click, a re-sent invoke, another approver first): nothing new is
    /// recorded; <see cref="HasilKeputusan.Keputusan"/> is the existing outcome.
    /// </summary>
    SudahDiputuskan,

    /// <summary>The decision was made on a version that has since been replaced: refused, nothing recorded.</summary>
    VersiUsang,
}

/// <summary>The answer to a decision, with the state it leaves and a Bahasa Indonesia message for the user.</summary>
public sealed record HasilKeputusan(JenisHasilKeputusan Jenis, StatusSkp Status, int VersiTerakhir, CatatanAudit? Keputusan, string Pesan)
{
    public bool Berhasil => Jenis == JenisHasilKeputusan.Berhasil;
}
