import Foundation

/// Where an indicator's values come from.
public enum IndicatorSource: Sendable, Hashable, Codable {
    /// One of the twelve built in: the case tally, concluded mediations, patrols and visits.
    case measured
    /// 人工填报: the assessor enters each unit's value for the period (a quarter without its own adds up its months').
    case reported
    /// A built-in case measure (`base`, its key) counted only for cases whose category is `category` or under it, as
    /// the case stood when the fact was counted.
    case category(base: String, category: String, categoryName: String)
}
