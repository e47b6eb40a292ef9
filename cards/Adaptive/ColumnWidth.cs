using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kinerja.Cards;

/// <summary>
/// Width of a Column or a TableColumnDefinition: <c>"auto"</c>, <c>"stretch"</c>, a relative weight (a JSON number)
/// or pixels (<c>"50px"</c>).
/// </summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? kata, int angka, bool piksel)
    {
        Kata = kata;
        Angka = angka;
        Piksel = piksel;
    }

    public static ColumnWidth Auto { get; } = new("auto", 0, false);

    public static ColumnWidth Stretch { get; } = new("stretch", 0, false);

    private string? Kata { get; }

    private int Angka { get; }

    private bool Piksel { get; }

    /// <summary>A relative weight: columns share the width in proportion to their weights.</summary>
    public static ColumnWidth Weight(int weight) =>
        weight > 0 ? new(null, weight, false) : throw new ArgumentOutOfRangeException(nameof(weight));

    public static ColumnWidth Pixels(int pixels) =>
        pixels > 0 ? new(null, pixels, true) : throw new ArgumentOutOfRangeException(nameof(pixels));

    internal void Write(Utf8JsonWriter writer)
    {
        if (Kata is not null)
        {
            writer.WriteStringValue(Kata);
        }
        else if (Piksel)
        {
            writer.WriteStringValue(Angka.ToString(CultureInfo.InvariantCulture) + "px");
        }
        else
        {
            writer.WriteNumberValue(Angka);
        }
    }

    private sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
    {
        public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return Weight(reader.GetInt32());
            }

            var s = reader.GetString();
            return s switch
            {
                "auto" => Auto,
                "stretch" => Stretch,
                _ when s is not null && s.EndsWith("px", StringComparison.Ordinal) => Pixels(int.Parse(s[..^2], CultureInfo.InvariantCulture)),
                _ => throw new JsonException($"Lebar kolom '{s}' tidak dikenal"),
            };
        }

        public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options) => value.Write(writer);
    }
}
