namespace Kinerja.Cards;

/// <param name="NamaPengguna">The display name from Teams.</param>
/// <param name="EmailPengguna">The sign-in e-mail from Teams, if known.</param>
/// <param name="NamaKontak">Who keeps the office data (configurable), e.g. "Manajer Kinerja Pegawai (Subbagian Umum)".</param>
/// <param name="EmailKontak">Their e-mail address.</param>
public sealed record TidakTerdaftarModel(string NamaPengguna, string? EmailPengguna, string NamaKontak, string EmailKontak);

/// <summary>The user is not in any office's data: say so politely and name the coordinator to contact, nothing else.</summary>
public static class TidakTerdaftarCard
{
    public static AdaptiveCard Render(TidakTerdaftarModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var akun = string.IsNullOrWhiteSpace(model.EmailPengguna) ? "Akun Anda" : $"Akun Anda ({model.EmailPengguna.Trim()})";
        var nama = string.IsNullOrWhiteSpace(model.NamaPengguna) ? "" : " " + model.NamaPengguna.Trim();
        var ringkasan = $"{akun} belum terdaftar di data kinerja. Silakan hubungi {model.NamaKontak} ({model.EmailKontak}).";
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Akun belum terdaftar") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock($"Halo{nama}. {akun} belum ditemukan di data kinerja kantor mana pun, sehingga nilai Anda belum dapat ditampilkan.") { Wrap = true },
                new TextBlock("Silakan hubungi pengelola data kinerja pegawai di kantor Anda agar data Anda ditambahkan:") { Wrap = true },
                new FactSet { Facts = [new("Kontak", model.NamaKontak), new("E-mail", model.EmailKontak)] },
            ],
            FallbackText = ringkasan,
            Speak = ringkasan,
            Lang = "id",
        };
    }
}
