#pragma once
// A price catalog (DESIGN.md §2 "Pricing"): dated unit prices, each with its source, read from
// JSON. The built-in catalogs are compiled into the binary from resources/pricing/*.json.
// Plain C++, no Qt.

#include "domain/Project.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace skyline {

struct CatalogEntry
{
    std::string key;          ///< e.g. "aws.lambda.requestsPerMillionUsd"
    double value = 0;
    std::string unit;         ///< e.g. "USD per 1M requests"
    std::string sourceTitle;
    std::string sourceUrl;
    std::string date;         ///< when the source was published or read
    std::string note;         ///< optional caveat (assumptions, unverified prices)

    /// "Title <url> (date)", as cost lines and reports show it.
    std::string sourceText() const;
};

/// A price as the cost model uses it: the catalog value or the project's override of it.
struct PriceLookup
{
    double value = 0;
    std::string source;       ///< the entry's source text, or a note that the project overrides it
    bool overridden = false;
};

class Catalog
{
public:
    /// Parses catalog JSON; on failure returns nullopt and sets *error to a sentence that
    /// names the place ("entries/3/source/url: expected a string").
    static std::optional<Catalog> parse(const std::string &name, const std::string &jsonText,
                                        std::string *error = nullptr);

    const std::string &name() const { return m_name; }
    const std::string &provider() const { return m_provider; }
    const std::string &region() const { return m_region; }
    const std::string &date() const { return m_date; }
    const std::string &description() const { return m_description; }
    const std::vector<CatalogEntry> &entries() const { return m_entries; }

    /// The entry with that key, or nullptr.
    const CatalogEntry *find(const std::string &key) const;
    /// The price for key with overrides applied (an override may also supply a key the
    /// catalog lacks); nullopt when neither has it.
    std::optional<PriceLookup> lookup(const std::string &key,
                                      const std::map<std::string, double> &overrides = {}) const;
    /// Same, with the project's pricing overrides.
    std::optional<PriceLookup> lookup(const std::string &key, const Pricing &pricing) const
    {
        return lookup(key, pricing.overrides);
    }

private:
    std::string m_name;
    std::string m_provider;
    std::string m_region;
    std::string m_date;
    std::string m_description;
    std::vector<CatalogEntry> m_entries;
    std::map<std::string, std::size_t> m_index;
};

/// File stems of the built-in catalogs ("aws-us-east-1" ...), sorted.
std::vector<std::string> builtInCatalogNames();
/// The built-in catalog of that name, or nullptr when unknown or broken.
const Catalog *builtInCatalog(const std::string &name);
/// Empty when the built-in catalog parsed, else why not (or that it does not exist).
std::string builtInCatalogError(const std::string &name);

} // namespace skyline
