using System.Globalization;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Testing.Builders;

/// <summary>Valid, distinct NIPs for many synthetic people: birth date 1 January 1970 + <c>i</c> days, TMT 2020-01, male, number 001.</summary>
public static class NipSintetis
{
    public static Nip Ke(int i) =>
        Nip.Parse(new DateOnly(1970, 1, 1).AddDays(i).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "202001" + "1" + "001");
}
