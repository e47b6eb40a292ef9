using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Kontrak;

/// <summary>Plt. (<i>pelaksana tugas</i>, for a vacant post) or Plh. (<i>pelaksana harian</i>, for an absent official).</summary>
public enum JenisDelegasi
{
    Plt,
    Plh,
}

/// <summary>
/// An acting assignment set by a coordinator (domain.md §7): <see cref="Pelaksana"/> acts for <see cref="Digantikan"/>
/// from <see cref="Mulai"/> to <see cref="Selesai"/>, both inclusive, in the office's calendar days.
/// </summary>
public sealed record Delegasi
{
    public Delegasi(string id, string kodeKantor, Nip pelaksana, Nip digantikan, JenisDelegasi jenis, DateOnly mulai, DateOnly selesai, Nip ditetapkanOleh)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DomainException("Id penugasan kosong");
        }

        if (string.IsNullOrWhiteSpace(kodeKantor))
        {
            throw new DomainException("Kode kantor penugasan kosong");
        }

        if (pelaksana == digantikan)
        {
            throw new DomainException($"{Sebutan(jenis)} tidak dapat ditugaskan menggantikan dirinya sendiri");
        }

        if (selesai < mulai)
        {
            throw new DomainException(
                $"Penugasan {Sebutan(jenis)} berakhir ({TanggalIndonesia.Format(selesai)}) sebelum dimulai ({TanggalIndonesia.Format(mulai)})");
        }

        Id = id.Trim();
        KodeKantor = kodeKantor.Trim();
        Pelaksana = pelaksana;
        Digantikan = digantikan;
        Jenis = jenis;
        Mulai = mulai;
        Selesai = selesai;
        DitetapkanOleh = ditetapkanOleh;
    }

    public string Id { get; }

    public string KodeKantor { get; }

    /// <summary>The acting official.</summary>
    public Nip Pelaksana { get; }

    /// <summary>The official acted for.</summary>
    public Nip Digantikan { get; }

    public JenisDelegasi Jenis { get; }

    public DateOnly Mulai { get; }

    public DateOnly Selesai { get; }

    /// <summary>The coordinator who set it.</summary>
    public Nip DitetapkanOleh { get; }

    /// <summary>Inclusive on both ends.</summary>
    public bool BerlakuPada(DateOnly tanggal) => tanggal >= Mulai && tanggal <= Selesai;

    public static string Sebutan(JenisDelegasi jenis) => jenis == JenisDelegasi.Plt ? "Plt." : "Plh.";
}
