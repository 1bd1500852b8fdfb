package rbac

import rbacv1 "k8s.io/api/rbac/v1"

// effect is one verb a role allows on one column: on every object, or only
// on names.
type effect struct {
	col   int
	verb  string
	names []string
}

// columnIndex finds the columns a rule's resource can match.
type columnIndex struct {
	cols  []Column
	byRes map[string][]int
	all   []int
}

func indexColumns(cols []Column) *columnIndex {
	cx := &columnIndex{cols: cols, byRes: map[string][]int{}, all: make([]int, len(cols))}
	for i, c := range cols {
		cx.byRes[c.Resource] = append(cx.byRes[c.Resource], i)
		cx.all[i] = i
	}
	return cx
}

// candidates are the columns rule resource r may match (allows decides).
func (cx *columnIndex) candidates(r string) []int {
	if r == rbacv1.ResourceAll || (len(r) > 2 && r[:2] == "*/") {
		return cx.all
	}
	for i := range len(r) {
		if r[i] == '/' {
			return cx.byRes[r[:i]]
		}
	}
	return cx.byRes[r]
}

// effects are what rules allow over the columns, each column and verb once
// per rule.
func (cx *columnIndex) effects(rules []rbacv1.PolicyRule) []effect {
	var out []effect
	for _, rule := range rules {
		done := map[int]bool{}
		for _, r := range rule.Resources {
			for _, ci := range cx.candidates(r) {
				if done[ci] {
					continue
				}
				done[ci] = true
				col := cx.cols[ci]
				for _, verb := range col.Verbs {
					if ok, named := allows(rule, verb, col); ok {
						e := effect{col: ci, verb: verb}
						if named {
							e.names = rule.ResourceNames
						}
						out = append(out, e)
					}
				}
			}
		}
	}
	return out
}

// effectCache keeps each role's effects for one Build: many subjects hold
// the same roles.
type effectCache struct {
	cx   *columnIndex
	memo map[RoleRef][]effect
}

func (ec *effectCache) of(g granted) []effect {
	if e, ok := ec.memo[g.Role]; ok {
		return e
	}
	e := ec.cx.effects(g.rules)
	ec.memo[g.Role] = e
	return e
}

// cells are what the grants allow on each column.
func (ec *effectCache) cells(gs []granted) []*Cell {
	cells := make([]*Cell, len(ec.cx.cols))
	for gi, g := range gs {
		for _, e := range ec.of(g) {
			c := cells[e.col]
			if c == nil {
				c = &Cell{}
				cells[e.col] = c
			}
			if e.names != nil {
				if c.Named == nil {
					c.Named = map[string][]string{}
				}
				c.Named[e.verb] = appendUnique(c.Named[e.verb], e.names...)
				continue
			}
			if c.Verbs == nil {
				c.Verbs = map[string][]int{}
			}
			if l := c.Verbs[e.verb]; len(l) == 0 || l[len(l)-1] != gi {
				c.Verbs[e.verb] = append(l, gi)
			}
		}
	}
	for _, c := range cells {
		if c == nil {
			continue
		}
		for v := range c.Verbs {
			delete(c.Named, v) // allowed on every name
		}
		if len(c.Named) == 0 {
			c.Named = nil
		}
	}
	return cells
}
