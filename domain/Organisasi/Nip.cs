using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kinerja.Domain.Organisasi;

/// <summary>
/// Nomor Induk Pegawai: 18 digits, <c>yyyymmdd</c> birth date, <c>yyyymm</c> TMT CPNS, sex digit (1 male, 2 female)
/// and a three-digit sequence (Perka BKN 22/2007; domain.md §10). A <see cref="Nip"/> cannot hold a bad value.
/// </summary>
public readonly record struct Nip
{
    private readonly string? _value;

    private Nip(string value) => _value = value;

    /// <summary>The 18 digits.</summary>
    public string Value => _value ?? throw new InvalidOperationException("Nip default tidak berisi nilai.");

    public DateOnly TanggalLahir => DateOnly.ParseExact(Value[..8], "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Year and month of the TMT CPNS (the start of civil service).</summary>
    public (int Tahun, int Bulan) TmtCpns => (int.Parse(Value[8..12], CultureInfo.InvariantCulture), int.Parse(Value[12..14], CultureInfo.InvariantCulture));

    public bool Perempuan => Value[14] == '2';

    public static Nip Parse(string text) =>
        TryParse(text, out var nip, out var alasan) ? nip : throw new DomainException(alasan);

    /// <summary>Accepts the 18 digits, also as displayed with spaces (<c>19760314 199803 1 002</c>).</summary>
    public static bool TryParse(string? text, out Nip nip, [NotNullWhen(false)] out string? alasan)
    {
        nip = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            alasan = "NIP kosong";
            return false;
        }

        var digits = text.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (digits.Length != 18)
        {
            alasan = $"NIP '{text}' harus 18 digit, bukan {digits.Length}";
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                alasan = $"NIP '{text}' hanya boleh berisi angka";
                return false;
            }
        }

        if (!DateOnly.TryParseExact(digits[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lahir) || lahir.Year < 1900)
        {
            alasan = $"NIP '{text}': tanggal lahir '{digits[..8]}' tidak valid";
            return false;
        }

        var tahunTmt = int.Parse(digits[8..12], CultureInfo.InvariantCulture);
        var bulanTmt = int.Parse(digits[12..14], CultureInfo.InvariantCulture);
        if (bulanTmt is < 1 or > 12 || tahunTmt < lahir.Year + 14)
        {
            alasan = $"NIP '{text}': TMT CPNS '{digits[8..14]}' tidak valid";
            return false;
        }

        if (digits[14] is not ('1' or '2'))
        {
            alasan = $"NIP '{text}': digit jenis kelamin harus 1 atau 2, bukan '{digits[14]}'";
            return false;
        }

        if (digits[15..] == "000")
        {
            alasan = $"NIP '{text}': nomor urut tidak boleh 000";
            return false;
        }

        nip = new Nip(digits);
        alasan = null;
        return true;
    }

    /// <summary>The display form <c>19760314 199803 1 002</c>.</summary>
    public string Tampilan => $"{Value[..8]} {Value[8..14]} {Value[14]} {Value[15..]}";

    public override string ToString() => Value;
}
